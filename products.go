package stripe

// ProductsService manages products: https://docs.stripe.com/api/products
type ProductsService struct{ c *Client }
