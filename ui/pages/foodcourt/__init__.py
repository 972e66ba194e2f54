"""The food court area: its page and parts (tenant_documents: a tenant's documents)."""
