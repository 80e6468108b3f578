# The pathways API as a stateless image; the graph lives in Neo4j (see docker-compose.yml).
FROM python:3.11-slim
WORKDIR /app
COPY pyproject.toml README.md ./
COPY src ./src
COPY queries ./queries
COPY graph_seeds ./graph_seeds
RUN pip install --no-cache-dir . && useradd --system pathways
USER pathways
EXPOSE 8000
# Binding all interfaces is right inside a container; publish the port deliberately.
CMD ["pathways", "serve", "--backend", "neo4j", "--host", "0.0.0.0", "--port", "8000"]
