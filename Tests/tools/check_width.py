"""Opens HTML or XHTML files in headless Chromium (driven by selenium and chromedriver) at given window widths and
prints, as JSON, for each file and width: the page's scrollWidth, the window's innerWidth, and the elements wider
than the window (tag, id, text) — a page a phone reader would have to scroll sideways shows here.

usage: check_width.py WIDTHS FILE... [--screenshots DIR]   (WIDTHS e.g. 414,1280)
"""
import json
import os
import sys

from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service

MEASURE = """
const width = window.innerWidth;
const wide = [];
for (const element of document.body.querySelectorAll('*')) {
  const box = element.getBoundingClientRect();
  if (box.right > width + 0.5 && wide.length < 10) {
    wide.push({tag: element.tagName, id: element.id || '', right: Math.round(box.right),
               text: (element.textContent || '').trim().slice(0, 60)});
  }
}
return {scrollWidth: document.documentElement.scrollWidth, innerWidth: width, wide: wide};
"""


def main():
    args = sys.argv[1:]
    shots = None
    if "--screenshots" in args:
        index = args.index("--screenshots")
        shots = args[index + 1]
        del args[index:index + 2]
    widths = [int(w) for w in args[0].split(",")]
    files = args[1:]
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
    print(json.dumps(results))


if __name__ == "__main__":
    main()
