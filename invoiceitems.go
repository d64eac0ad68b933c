package stripe

// InvoiceItemsService manages invoice items: https://docs.stripe.com/api/invoiceitems
type InvoiceItemsService struct{ c *Client }
