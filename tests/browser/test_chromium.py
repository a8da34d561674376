def test_debian_chromium_starts(browser):
    page = browser.new_page()
    page.set_content("<html lang='ru'><title>t</title><p>Маршрут</p></html>")
    assert page.inner_text("p") == "Маршрут"
    assert browser.version
    page.close()
