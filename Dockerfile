# samspil command line / API image. Build: docker build -t samspil .
FROM python:3.11-slim
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1 \
    SAMSPIL_DATA_DIR=/var/lib/samspil
WORKDIR /app
COPY pyproject.toml README.md* ./
COPY graph ./graph
COPY loaders ./loaders
COPY api ./api
COPY viz ./viz
COPY cli ./cli
RUN pip install . && useradd --create-home samspil && mkdir -p /var/lib/samspil \
    && chown samspil /var/lib/samspil
USER samspil
VOLUME ["/var/lib/samspil"]
ENTRYPOINT ["samspil"]
CMD ["--help"]
