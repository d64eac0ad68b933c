package stripe

// PaymentIntentsService manages payment intents: https://docs.stripe.com/api/payment_intents
type PaymentIntentsService struct{ c *Client }
