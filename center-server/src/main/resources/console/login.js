"use strict";

document.addEventListener("DOMContentLoaded", () => {
  applyTexts();
  document.getElementById("lang").addEventListener("click", toggleLang);
  const form = document.getElementById("login-form");
  form.addEventListener("submit", async event => {
    event.preventDefault();
    const error = document.getElementById("login-error");
    error.hidden = true;
    const body = {
      username: document.getElementById("username").value.trim(),
      password: document.getElementById("password").value,
      code: document.getElementById("code").value.trim()
    };
    document.getElementById("password").value = "";
    document.getElementById("code").value = "";
    const response = await fetch("/api/login", {
      method: "POST",
      headers: {"Content-Type": "application/json"},
      body: JSON.stringify(body),
      credentials: "same-origin"
    });
    if (response.ok) {
      window.location.assign("/");
    } else {
      const data = await response.json().catch(() => ({}));
      if (data.error === "LOCKED" && data.until) {
        const until = new Date(data.until).toLocaleTimeString(currentLang() === "ja" ? "ja-JP" : "en-GB",
          {hour: "2-digit", minute: "2-digit", timeZone: "Asia/Tokyo"});
        error.textContent = t("login.locked").replace("{until}", until);
      } else {
        error.textContent = t("login.failed");
      }
      error.hidden = false;
    }
  });
});
