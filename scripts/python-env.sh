#!/usr/bin/env bash
# Creates a pinned Python package environment for the embedded interpreter (Debian's CPython 3.11) under
# .python/<name>, with `pip install --target`: `crucible score --python-path .python/<name>` puts it first on
# sys.path. Usage: scripts/python-env.sh ds1000 [--with-torch]
set -euo pipefail
cd "$(dirname "$0")/.."

name="${1:-}"
case "$name" in
  ds1000)
    # The versions of DS-1000's official environment (environment.yml), as cp311 wheels.
    packages=(numpy==1.26.4 pandas==1.5.3 scipy==1.12.0 scikit-learn==1.4.0 matplotlib==3.8.4 seaborn==0.13.2
      statsmodels==0.14.1
      # Their dependencies, pinned to releases of the same time (early 2024) so that a newer one cannot change a
      # verdict.
      python-dateutil==2.9.0.post0 pytz==2024.1 tzdata==2024.1 joblib==1.3.2 threadpoolctl==3.3.0 patsy==0.5.6
      pillow==10.2.0 contourpy==1.2.0 kiwisolver==1.4.5 fonttools==4.49.0 pyparsing==3.1.1 cycler==0.12.1
      packaging==23.2 six==1.16.0 pyyaml==6.0.1)
    if [ "${2:-}" = "--with-torch" ]; then packages+=(torch==2.2.0 tensorflow-cpu==2.16.1); fi
    ;;
  *)
    echo "usage: scripts/python-env.sh ds1000 [--with-torch]" >&2
    exit 2
    ;;
esac

target=".python/$name"
stamp="$target/.crucible-packages"
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "${packages[*]}" ]; then
  echo "python-env: $target is up to date"
  exit 0
fi

pip_cmd=(python3 -m pip)
command -v pip3 >/dev/null 2>&1 && pip_cmd=(pip3)
rm -rf "$target"
mkdir -p "$target"
echo "python-env: installing ${packages[*]} into $target"
# The wheels must match the embedded interpreter (CPython 3.11, manylinux x86_64), whatever python3 pip runs under.
"${pip_cmd[@]}" install --quiet --disable-pip-version-check --no-compile --target "$target" \
  --python-version 3.11 --implementation cp --abi cp311 --platform manylinux2014_x86_64 \
  --platform manylinux_2_17_x86_64 --platform manylinux_2_28_x86_64 --only-binary=:all: "${packages[@]}"
echo "${packages[*]}" > "$stamp"
