#!/usr/bin/env bash
# Installs the Debian packages Lookaloud needs, if any are missing: `scripts/setup_system.sh [run|test]`.
# Without apt-get, or without root or password-less sudo, it names what is missing and goes on.
set -euo pipefail

# espeak-ng speaks (pyttsx3 plays its sound with alsa-utils' aplay); the libxcb/xkb/GL libraries are what Qt's xcb platform plugin loads
# (without libxcb-cursor0 no PySide6 window opens).
RUN_PACKAGES=(
    espeak-ng libespeak-ng1 alsa-utils
    libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0
    libxcb-render-util0 libxcb-shape0 libxcb-xinerama0 libxcb-xkb1 libxkbcommon-x11-0
    libegl1 libgl1 libfontconfig1 libdbus-1-3 fonts-dejavu-core
)
# The tests run the real app under a virtual X server with a window manager, drive it with
# xdotool and read it through the AT-SPI accessibility bus, as Orca does.
TEST_PACKAGES=(xvfb xdotool openbox dbus-x11 at-spi2-core python3-pyatspi)

want=("${RUN_PACKAGES[@]}")
if [[ "${1:-run}" == "test" ]]; then
    want+=("${TEST_PACKAGES[@]}")
fi

if ! command -v dpkg-query >/dev/null 2>&1; then
    echo "setup: not a Debian-like system; install espeak-ng and Qt's xcb libraries yourself." >&2
    exit 0
fi

missing=()
for package in "${want[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$package")
    fi
done
if [[ ${#missing[@]} -eq 0 ]]; then
    exit 0
fi

if [[ $(id -u) -eq 0 ]]; then
    sudo=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    sudo=(sudo -n)
else
    echo "setup: these system packages are missing and I cannot install them without root:" >&2
    echo "    sudo apt-get install ${missing[*]}" >&2
    exit 0
fi

echo "setup: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
