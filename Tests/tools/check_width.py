"""Opens HTML or XHTML files in headless Chromium (driven by selenium and chromedriver) at given window widths and
prints, as JSON ({"pages": [...]}), for each file and width: the page's scrollWidth, the window's innerWidth, and the elements wider
than the window (tag, id, text) — a page a phone reader would have to scroll sideways shows here.

usage: check_width.py WIDTHS FILE... [--screenshots DIR]   (WIDTHS e.g. 414,1280)

A FILE ending .eml is a message: its text/html part is what is opened (written beside it as FILE.html).
"""
import email
import email.policy
import json
import os
import sys

from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service

MEASURE = """
const width = window.innerWidth;
const wide = [];
// The innermost elements that reach past the window's right edge: the ones to fix.
const past = (element) => element.getBoundingClientRect().right > width + 0.5;
for (const element of document.body.querySelectorAll('*')) {
  if (past(element) && !Array.from(element.children).some(past) && wide.length < 10) {
    const box = element.getBoundingClientRect();
    wide.push({tag: element.tagName, id: element.id || '', right: Math.round(box.right),
               text: (element.textContent || '').trim().slice(0, 60)});
  }
}
return {scrollWidth: document.documentElement.scrollWidth, innerWidth: width, wide: wide};
"""


def html_part(path):
    """The text/html part of a message, decoded, written as PATH.html."""
    with open(path, "rb") as f:
        message = email.message_from_binary_file(f, policy=email.policy.default)
    part = message.get_body(preferencelist=("html",))
    out = path + ".html"
    with open(out, "wb") as f:
        f.write(part.get_payload(decode=True))
    return out


def main():
    args = sys.argv[1:]
    shots = None
    if "--screenshots" in args:
        index = args.index("--screenshots")
        shots = args[index + 1]
        del args[index:index + 2]
    widths = [int(w) for w in args[0].split(",")]
    files = [html_part(path) if path.endswith(".eml") else path for path in args[1:]]
    options = Options()
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 "--hide-scrollbars", "--force-device-scale-factor=1"):
        options.add_argument(flag)
    options.binary_location = "/usr/bin/chromium"
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    results = []
    try:
        for path in files:
            for width in widths:
                driver.set_window_size(width, 900)
                driver.get("file://" + os.path.abspath(path))
                # The window's outer size includes no chrome in headless mode; correct to the asked inner width.
                inner = driver.execute_script("return window.innerWidth;")
                if inner != width:
                    driver.set_window_size(width + (width - inner), 900)
                    driver.get("file://" + os.path.abspath(path))
                measured = driver.execute_script(MEASURE)
                measured.update({"file": os.path.basename(path), "width": width})
                if shots:
                    height = driver.execute_script("return document.documentElement.scrollHeight;")
                    driver.set_window_size(width, min(height, 6000))
                    name = "%s-%d.png" % (os.path.splitext(os.path.basename(path))[0], width)
                    driver.save_screenshot(os.path.join(shots, name))
                results.append(measured)
    finally:
        driver.quit()
    print(json.dumps({"pages": results}))


if __name__ == "__main__":
    main()
