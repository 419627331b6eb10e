#!/usr/bin/env bash
# Runs BusFlow on its embedded default configuration from a fresh clone: ./run.sh [serve options...]
set -euo pipefail
cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")"
exec ./busflow serve "$@"
