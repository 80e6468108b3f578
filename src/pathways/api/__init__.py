"""The GraphQL API: strawberry types, resolvers, schema, auth and limits."""
