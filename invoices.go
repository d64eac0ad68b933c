package stripe

// InvoicesService manages invoices: https://docs.stripe.com/api/invoices
type InvoicesService struct{ c *Client }
