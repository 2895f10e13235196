#!/bin/sh
# Creates .venv-interop/ at the repository root with the independent Python readers the export
# interop tests use (networkx for GEXF and GraphML, python-igraph for GraphML, OASIS's
# stix2-validator for STIX 2.1 bundles, openpyxl for XLSX). Versions are pinned so CI reads the
# files with the same parsers every run. Idempotent: safe to call on every run.
# stix2-validator is 3.2.0, not 3.3.1: the 3.3.1 wheel and sdist ship without the STIX JSON schemas
# (schemas-2.1/), so 3.3.1 refuses every bundle with "Cannot locate a schema ... nor the base schema".
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
venv="$root/.venv-interop"
python3 -m venv "$venv"
# keep the environment out of git without editing the repository's .gitignore
printf '*\n' > "$venv/.gitignore"
"$venv/bin/pip" install --quiet --disable-pip-version-check 'networkx==3.4.2' 'python-igraph==0.11.8' 'stix2-validator==3.2.0' 'openpyxl==3.1.5'
"$venv/bin/python" -c 'import networkx, igraph, stix2validator, openpyxl; print("interop readers: networkx", networkx.__version__, "igraph", igraph.__version__, "stix2-validator", stix2validator.__version__, "openpyxl", openpyxl.__version__)'
