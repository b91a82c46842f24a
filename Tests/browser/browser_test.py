"""Drives the Snoei web app in headless Chromium the way an owner would, asserting what
they should see, and saves a screenshot of every page."""
import sys

from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

BASE, SHOTS = sys.argv[1], sys.argv[2]
failures = []


def check(condition, message):
    print(("ok   " if condition else "FAIL ") + message)
    if not condition:
        failures.append(message)


def browser(width, height, phone=False):
    opts = Options()
    opts.binary_location = "/usr/bin/chromium"
    for arg in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                f"--window-size={width},{height}", "--lang=en-GB", "--hide-scrollbars"):
        opts.add_argument(arg)
    opts.add_experimental_option("prefs", {"intl.accept_languages": "en-GB,en"})
    if phone:  # a desktop window cannot be narrower than 500 px; emulate the phone's viewport
        opts.add_experimental_option("mobileEmulation", {"deviceMetrics": {"width": width, "height": height, "pixelRatio": 2}})
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=opts)


def wait_for_url(driver, fragment):
    """Clicks navigate asynchronously: wait until the new page is there."""
    WebDriverWait(driver, 10).until(lambda drv: fragment in drv.current_url
                                    and drv.execute_script("return document.readyState") == "complete")


def shot(driver, name):
    height = driver.execute_script("return document.body.scrollHeight")
    width = driver.execute_script("return window.innerWidth")
    driver.set_window_size(max(width, 390), min(max(height, 800), 6000))
    driver.save_screenshot(f"{SHOTS}/{name}.png")


def sign_in(driver, user="demo", password="snoei-demo"):
    """Every page needs a signed-in user: the demo database has one administrator."""
    driver.get(BASE + "/")
    check("/login" in driver.current_url, f"signed out, a page sends you to the login ({driver.current_url})")
    driver.find_element(By.NAME, "user").send_keys(user)
    driver.find_element(By.NAME, "password").send_keys(password)
    driver.find_element(By.CSS_SELECTOR, "form.login button[type=submit]").click()
    WebDriverWait(driver, 10).until(lambda drv: "/login" not in drv.current_url)


d = browser(1280, 900)
d.implicitly_wait(2)
try:
    # Signing in: a wrong password is refused with a message, the right one opens the dashboard.
    d.get(BASE + "/customers")
    check("/login?next=/customers" in d.current_url, f"redirected to the login page ({d.current_url})")
    d.find_element(By.NAME, "user").send_keys("demo")
    d.find_element(By.NAME, "password").send_keys("not the password")
    d.find_element(By.CSS_SELECTOR, "form.login button[type=submit]").click()
    check(len(d.find_elements(By.CSS_SELECTOR, ".alert[role=alert]")) == 1, "a wrong password is refused with a message")
    shot(d, "00-login-en")
    sign_in(d)
    check(d.find_element(By.CSS_SELECTOR, "form.who span").text.startswith("Demo"), "the signed-in user is shown")

    # Dashboard: key figures, four charts with accessible titles, the decisions list.
    d.get(BASE + "/")
    check(d.find_element(By.TAG_NAME, "html").get_attribute("lang") == "en", "dashboard is in English by default")
    cards = d.find_elements(By.CSS_SELECTOR, ".card[data-figure] .card-value")
    check(len(cards) >= 6 and all(c.text.strip() for c in cards), "six key figures with values")
    revenue = d.find_element(By.CSS_SELECTOR, '.card[data-figure="revenue"] .card-value').text
    check(revenue.startswith("€") and "," in revenue, f"revenue formatted for English: {revenue}")
    for chart in ("whale-chart", "pareto-chart", "matrix-chart", "aging-chart"):
        svgs = d.find_elements(By.CSS_SELECTOR, f'svg[role="img"][aria-labelledby^="{chart}"]')
        check(len(svgs) == 1 and svgs[0].size["width"] > 200, f"{chart} is drawn")
    dots = d.find_elements(By.CSS_SELECTOR, "#matrix-chart a")
    check(len(dots) >= 400, f"matrix has a dot per customer ({len(dots)})")
    rows = d.find_elements(By.CSS_SELECTOR, "#decisions tbody tr")
    check(len(rows) > 0, "proposed decisions are listed")
    shot(d, "01-dashboard-en")

    # Open a customer from the matrix: the let-go dot of the intimidation case.
    target = d.find_element(By.CSS_SELECTOR, '#matrix-chart a[href="/customers/C0045"]')
    d.execute_script("arguments[0].scrollIntoView({block: 'center'})", target)
    try:
        target.click()
    except Exception:  # an overlapping dot may take the click; follow the link as a browser would
        d.execute_script("arguments[0].dispatchEvent(new MouseEvent('click', {bubbles: true}))", target)
    wait_for_url(d, "/customers/C0045")
    check(d.current_url.endswith("/customers/C0045"), f"matrix dot opens the customer ({d.current_url})")
    check("C0045" in d.find_element(By.TAG_NAME, "h1").text, "customer page heading")
    check(len(d.find_elements(By.CSS_SELECTOR, '#verdict li[data-code="red_line"]')) == 1, "red-line reason shown")
    check(len(d.find_elements(By.CSS_SELECTOR, "#what-if dd")) >= 4, "what-if panel has figures")
    shot(d, "02-customer-en")

    # Customer list: sort, filter, page.
    d.get(BASE + "/customers")
    check(len(d.find_elements(By.CSS_SELECTOR, "#customer-table tbody tr")) == 50, "50 customers per page")
    d.find_element(By.LINK_TEXT, "Next →").click()
    wait_for_url(d, "page=2")
    check("Page 2 of 8" in d.page_source, "next page")
    d.get(BASE + "/customers")
    d.find_element(By.NAME, "q").send_keys("Van der Linden Retail")
    d.find_element(By.CSS_SELECTOR, "form.filters button[type=submit]").click()
    wait_for_url(d, "q=Van")
    rows = d.find_elements(By.CSS_SELECTOR, "#customer-table tbody tr")
    check(len(rows) == 1 and "C0003" in rows[0].text, "search by name finds the customer")
    d.get(BASE + "/customers?recommendation=let_go&sort=contribution")
    check(all("Let go" in r.text for r in d.find_elements(By.CSS_SELECTOR, "#customer-table tbody tr")),
          "filter by proposal")
    shot(d, "03-customers-en")

    # Scenario: pick two customers, see the combined effect.
    d.get(BASE + "/scenario")
    boxes = d.find_elements(By.CSS_SELECTOR, 'input[name="drop"]')
    check(len(boxes) >= 2, "scenario offers customers to pick")
    for box in boxes[:2]:
        box.click()
    d.find_element(By.CSS_SELECTOR, 'form[action="/scenario"] button[type=submit]').click()
    wait_for_url(d, "drop=")
    check(len(d.find_elements(By.CSS_SELECTOR, '#scenario-result [data-effect="revenue_lost"]')) == 1,
          "scenario shows the effect")
    shot(d, "04-scenario-en")

    # Policy: preview a stricter friction boundary without saving.
    d.get(BASE + "/policy")
    area = d.find_element(By.NAME, "policy")
    text = area.get_attribute("value")
    check("[quadrant]" in text, "policy text is editable")
    d.execute_script("arguments[0].value = arguments[0].value.replace(/high_friction = [0-9.]+/, 'high_friction = 10')", area)
    d.find_element(By.CSS_SELECTOR, 'button[value="preview"]').click()
    WebDriverWait(d, 10).until(lambda drv: drv.find_elements(By.ID, "policy-preview"))
    check(len(d.find_elements(By.ID, "policy-preview")) == 1, "policy preview shows changed proposals")
    shot(d, "05-policy-en")

    # Decide and act: confirm the exit proposal for C0045, read the brief, tick a step.
    d.get(BASE + "/customers/C0045")
    d.find_element(By.CSS_SELECTOR, '#decision button[value="confirm"]').click()
    wait_for_url(d, "saved=1")
    check("exit" in d.find_element(By.CSS_SELECTOR, "#decision .badge").text, "decision recorded as an exit")
    trail = d.find_elements(By.CSS_SELECTOR, "#decision .trail li")
    check(len(trail) == 1 and "Demo" in trail[0].text, "audit trail shows the step under the signed-in user")
    shot(d, "09-decision-en")
    d.find_element(By.CSS_SELECTOR, '#decision a[href$="/exit-brief"]').click()
    wait_for_url(d, "/exit-brief")
    brief = d.find_element(By.ID, "exit-brief").text
    check("not an e-mail" in brief, "exit brief is for a conversation")
    shot(d, "10-exit-brief-en")
    d.get(BASE + "/exits")
    row = d.find_element(By.CSS_SELECTOR, 'tr[data-customer="C0045"]')
    before = len(row.find_elements(By.CSS_SELECTOR, "button"))
    row.find_element(By.CSS_SELECTOR, "button").click()
    wait_for_url(d, "/exits")
    WebDriverWait(d, 10).until(lambda drv: len(drv.find_elements(By.CSS_SELECTOR, 'tr[data-customer="C0045"] button')) == before - 1)
    check(True, "exit step ticked off on the board")
    shot(d, "11-exit-board-en")

    # Switch to Dutch; the choice is remembered on the next page.
    d.get(BASE + "/")
    d.find_element(By.CSS_SELECTOR, '.lang a[hreflang="nl"]').click()
    wait_for_url(d, "lang=nl")
    check(d.find_element(By.TAG_NAME, "html").get_attribute("lang") == "nl", "switched to Dutch")
    check(d.find_element(By.TAG_NAME, "h1").text == "Portefeuille", "Dutch heading")
    revenue_nl = d.find_element(By.CSS_SELECTOR, '.card[data-figure="revenue"] .card-value').text
    check(revenue_nl.startswith("€ ") and "." in revenue_nl, f"revenue formatted for Dutch: {revenue_nl}")
    shot(d, "06-dashboard-nl")
    d.get(BASE + "/customers/C0038")
    check(d.find_element(By.TAG_NAME, "html").get_attribute("lang") == "nl", "language remembered")
    check("€ 5.300,00" in d.page_source, "Dutch money on the customer page")
    shot(d, "07-customer-nl")

    # Signing out ends the session: pages send you to the login again.
    d.find_element(By.CSS_SELECTOR, "form.who button[type=submit]").click()
    wait_for_url(d, "/login")
    d.get(BASE + "/customers/C0038")
    check("/login" in d.current_url, "after signing out, pages need a sign-in again")
finally:
    d.quit()

# A phone-sized window: the dashboard still reads.
p = browser(390, 844, phone=True)
try:
    sign_in(p)
    p.get(BASE + "/")
    viewport = p.execute_script("return window.innerWidth")
    width = p.execute_script("return document.documentElement.scrollWidth")
    check(viewport <= 400 and width <= viewport, f"no horizontal scrolling on a phone (page {width}, viewport {viewport})")
    p.save_screenshot(f"{SHOTS}/08-dashboard-phone.png")
finally:
    p.quit()

if failures:
    print(f"{len(failures)} check(s) failed", file=sys.stderr)
    sys.exit(1)
