# Shared by the install scripts (sourced, not run). Before sourcing, set:
#   INSTALL_NAME     prefix of messages, e.g. install-test-tools
#   INSTALL_VERBOSE  1 to show apt/pip output
# Provides: say, run_quiet, installed, apt_install_missing PACKAGE..., python_for_venv.

log="$(mktemp -t "$INSTALL_NAME.XXXXXX")"
trap 'rm -f "$log"' EXIT
say() { echo "$INSTALL_NAME: $*"; }
run_quiet() {
    # Run a command; keep its output unless it fails or verbose is asked for.
    if [ "${INSTALL_VERBOSE:-0}" = "1" ]; then
        "$@"
    elif ! "$@" >"$log" 2>&1; then
        cat "$log" >&2
        say "FAILED: $*" >&2
        return 1
    fi
}

sudo_cmd=()
if [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null 2>&1; then
    sudo_cmd=(sudo)
fi

# Ask dpkg's status database without a pipe: under `set -o pipefail`, `dpkg -s P | grep -q`
# fails at random when grep exits before dpkg has written a long entry (SIGPIPE).
installed() { [ "$(dpkg-query -W -f='${Status}' "$1" 2>/dev/null)" = "install ok installed" ]; }

# Installs the given Debian packages that are not installed yet; `apt-get update` only then.
apt_install_missing() {
    local missing=() pkg
    for pkg in "$@"; do installed "$pkg" || missing+=("$pkg"); done
    [ ${#missing[@]} -gt 0 ] || return 0
    say "apt-get install ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    # A failing third-party source must not stop us: try the install anyway.
    run_quiet "${sudo_cmd[@]}" apt-get update -q || say "apt-get update failed; trying the install anyway" >&2
    run_quiet "${sudo_cmd[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
}

# Sets `python` (the interpreter for the venv) and `python_packages` (Debian packages it still needs).
python_for_venv() {
    python="${PYTHON:-python3}"
    python_packages=()
    if ! command -v "$python" >/dev/null 2>&1; then
        python=/usr/bin/python3
        python_packages=(python3 python3-venv)
    elif ! "$python" -c 'import venv, ensurepip' >/dev/null 2>&1; then
        python=/usr/bin/python3
        python_packages=(python3-venv)
    fi
}
