// Progressive enhancement: while a report builds, poll its status and show progress; reload when it is ready.
const holder = document.querySelector(".app-build-progress[data-status-url]");
if (holder) {
  const url = holder.getAttribute("data-status-url");
  const text = document.getElementById("build-progress");
  const bar = document.getElementById("build-progress-bar");
  const poll = async () => {
    try {
      const response = await fetch(url, { headers: { Accept: "application/json" }, credentials: "same-origin" });
      const data = await response.json();
      if (data.status === "done" || data.status === "failed") {
        window.location.reload();
        return;
      }
      text.textContent = `${data.progress || "Starting"} (step ${data.steps_done} of about ${data.steps})`;
      bar.value = data.steps_done;
    } catch (error) {
      // keep the "Check again" link; try again shortly
    }
    window.setTimeout(poll, 1000);
  };
  window.setTimeout(poll, 1000);
}
