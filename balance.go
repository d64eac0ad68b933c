package stripe

// BalanceService reads the account balance: https://docs.stripe.com/api/balance
type BalanceService struct{ c *Client }
