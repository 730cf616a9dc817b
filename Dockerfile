# onus as a container image: a static musl binary on an empty base, run as a non-root user.
#   docker build -t onus .
#   docker run --rm -v "$PWD:/src" onus scan .
FROM rust:1-alpine AS build
RUN apk add --no-cache gcc musl-dev
WORKDIR /build
COPY . .
RUN cargo build --release --locked --bin onus \
 && cp target/release/onus /onus

FROM scratch
COPY --from=build /onus /usr/local/bin/onus
# Any non-root uid works; 65532 is the conventional "nonroot" user.
USER 65532:65532
WORKDIR /src
ENTRYPOINT ["onus"]
CMD ["--help"]
