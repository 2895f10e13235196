#!/bin/sh
# Creates .venv-interop/ at the repository root with the independent Python readers the export
# interop tests use (networkx for GEXF and GraphML, python-igraph for GraphML). Versions are pinned
# so CI reads the files with the same parsers every run. Idempotent: safe to call on every run.
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
venv="$root/.venv-interop"
python3 -m venv "$venv"
# keep the environment out of git without editing the repository's .gitignore
printf '*\n' > "$venv/.gitignore"
"$venv/bin/pip" install --quiet --disable-pip-version-check 'networkx==3.4.2' 'python-igraph==0.11.8'
"$venv/bin/python" -c 'import networkx, igraph; print("interop readers: networkx", networkx.__version__, "igraph", igraph.__version__)'
