package stripe

// BalanceTransactionsService reads balance transactions: https://docs.stripe.com/api/balance_transactions
type BalanceTransactionsService struct{ c *Client }
