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

# Creates the venv VENV with `python` if it is missing or broken, and returns 0 when its packages
# must be (re)installed: the stamp file STAMP inside it does not match the hash of the given
# texts (requirements, pins) and the Python version. After installing, call venv_mark_installed.
venv_outdated() {  # VENV STAMP TEXT...
    local venv=$1 stamp="$1/$2"
    shift 2
    want_stamp="$( { printf '%s\n' "$@"; "$python" -c 'import sys; print(sys.version)'; } | sha256sum | cut -d' ' -f1)"
    if [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" -c 'import sys' >/dev/null 2>&1; then
        say "creating $venv"
        rm -rf "$venv"
        run_quiet "$python" -m venv "$venv"
        rm -f "$stamp"
    fi
    [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want_stamp" ]
}

venv_mark_installed() {  # VENV STAMP
    echo "$want_stamp" >"$1/$2"
}
