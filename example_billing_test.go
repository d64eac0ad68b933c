package stripe_test

import (
	"context"
	"errors"
	"fmt"
	"log"
	"os"

	"github.com/stripelite/stripe"
)

// A 20% coupon for three months, handed out as a promotion code and
// applied to a subscription.
func ExampleCouponsService_Create() {
	ctx := context.Background()
	c, err := stripe.NewClient(os.Getenv("STRIPE_SECRET_KEY"))
	if err != nil {
		log.Fatal(err)
	}
	cpn, err := c.Coupons.Create(ctx, &stripe.CouponCreateParams{
		PercentOff:       stripe.Ptr(20.0),
		Duration:         stripe.Ptr(stripe.CouponDurationRepeating),
		DurationInMonths: stripe.Ptr(int64(3)),
	})
	if err != nil {
		log.Fatal(err)
	}
	pc, err := c.PromotionCodes.Create(ctx, &stripe.PromotionCodeCreateParams{
		Promotion: &stripe.PromotionCodePromotionParams{Type: stripe.Ptr("coupon"), Coupon: stripe.Ptr(cpn.ID)},
		Code:      stripe.Ptr("SPRING20"),
	})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(pc.Code, cpn.PercentOff)
}

// Every line of an invoice, however many pages: Invoice.Lines holds only
// the first page.
func ExampleInvoicesService_LinesAll() {
	ctx := context.Background()
	c, err := stripe.NewClient(os.Getenv("STRIPE_SECRET_KEY"))
	if err != nil {
		log.Fatal(err)
	}
	var total int64
	for li, err := range c.Invoices.LinesAll(ctx, "in_123", nil) {
		if err != nil {
			log.Fatal(err)
		}
		total += li.Amount
	}
	fmt.Println(total)
}

// The next invoice of a subscription if its item moved to another price.
func ExampleInvoicesService_CreatePreview() {
	ctx := context.Background()
	c, err := stripe.NewClient(os.Getenv("STRIPE_SECRET_KEY"))
	if err != nil {
		log.Fatal(err)
	}
	inv, err := c.Invoices.CreatePreview(ctx, &stripe.InvoiceCreatePreviewParams{
		Subscription: stripe.Ptr("sub_123"),
		SubscriptionDetails: &stripe.InvoiceCreatePreviewSubscriptionDetailsParams{
			Items: []stripe.InvoiceCreatePreviewItemParams{{ID: stripe.Ptr("si_123"), Price: stripe.Ptr("price_pro")}},
		},
	})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(inv.AmountDue)
}

// Usage that is safe to report twice: the identifier is the usage event's
// own ID, so Stripe counts it once.
func ExampleBillingMeterEventsService_Create() {
	ctx := context.Background()
	c, err := stripe.NewClient(os.Getenv("STRIPE_SECRET_KEY"))
	if err != nil {
		log.Fatal(err)
	}
	_, err = c.BillingMeterEvents.Create(ctx, &stripe.BillingMeterEventCreateParams{
		EventName:  stripe.Ptr("api_requests"),
		Identifier: stripe.Ptr("req_7f3a9c"),
		Payload:    stripe.BillingMeterEventPayload{"stripe_customer_id": "cus_123", "value": "25"},
	})
	if err != nil {
		log.Fatal(err)
	}
}

// A payout larger than the available balance fails with a typed error.
func ExamplePayoutsService_Create() {
	ctx := context.Background()
	c, err := stripe.NewClient(os.Getenv("STRIPE_SECRET_KEY"))
	if err != nil {
		log.Fatal(err)
	}
	_, err = c.Payouts.Create(ctx, &stripe.PayoutCreateParams{Amount: stripe.Ptr(int64(500000)), Currency: stripe.Ptr("usd")})
	var se *stripe.Error
	if errors.As(err, &se) && se.Code == stripe.ErrorCodeBalanceInsufficient {
		fmt.Println("not enough available balance")
	}
}

// Answer a dispute with evidence, submitted at once.
func ExampleDisputesService_Update() {
	ctx := context.Background()
	c, err := stripe.NewClient(os.Getenv("STRIPE_SECRET_KEY"))
	if err != nil {
		log.Fatal(err)
	}
	dp, err := c.Disputes.Update(ctx, "dp_123", &stripe.DisputeUpdateParams{
		Evidence: &stripe.DisputeEvidenceParams{
			CustomerName:           stripe.Ptr("Jenny Rosen"),
			ShippingTrackingNumber: stripe.Ptr("1Z999"),
			UncategorizedFile:      stripe.Ptr("file_123"), // uploaded with purpose dispute_evidence
		},
		Submit: stripe.Ptr(true),
	})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(dp.Status) // under_review
}
