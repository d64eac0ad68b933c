package stripe

// PricesService manages prices: https://docs.stripe.com/api/prices
type PricesService struct{ c *Client }
