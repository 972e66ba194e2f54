"""The food court area (issue 12): its page and parts (turnover_grid: the tenants'
turnover typed into a grid of tenants by days)."""
