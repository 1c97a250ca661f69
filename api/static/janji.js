/* Janji web pages: progressive enhancement only. Every page works without this file. */
(function () {
  "use strict";
  var msgs = {};
  try { msgs = JSON.parse(document.getElementById("janji-i18n").textContent); } catch (e) { msgs = {}; }
  function t(key, params) {
    var text = msgs[key] || key;
    Object.keys(params || {}).forEach(function (k) { text = text.split("{" + k + "}").join(params[k]); });
    return text;
  }
  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  /* ---------- upload: drag and drop, per-file progress, job polling ---------- */
  var form = document.getElementById("upload-form");
  if (form) {
    var input = document.getElementById("file"), zone = document.getElementById("dropzone");
    var queue = document.getElementById("queue"), csrf = form.dataset.csrf, limit = form.dataset.limit;
    input.multiple = true;
    input.required = false;
    function errorText(status, body) {
      var code = body && body.error && body.error.code;
      if (body && body.display) return body.display;
      if (code && msgs["code." + code]) return t("code." + code, {limit: limit, code: code});
      return t("code.http", {status: status});
    }
    function poll(row, jobId) {
      fetch("/upload/jobs/" + encodeURIComponent(jobId), {headers: {"Accept": "application/json"}, credentials: "same-origin"})
        .then(function (r) { return r.json(); })
        .then(function (job) {
          row.li.dataset.status = job.status;
          row.msg.textContent = job.display;
          if (job.document_url) { row.link.href = job.document_url; row.link.hidden = false; }
          if (job.status === "queued" || job.status === "running") { setTimeout(function () { poll(row, jobId); }, 1000); }
          else { row.bar.value = 100; if (job.status === "failed" || job.status === "rejected") row.li.classList.add("error"); }
        })
        .catch(function () { setTimeout(function () { poll(row, jobId); }, 2000); });
    }
    function send(file) {
      var empty = document.getElementById("queue-empty");
      if (empty) empty.remove();
      var li = el("li"), name = el("span", "name", file.name), mid = el("span");
      var bar = el("progress"), msg = el("div", "msg", t("upload.sending", {percent: 0}));
      var link = el("a", "", t("upload.open"));
      bar.max = 100; bar.value = 0; link.hidden = true; bar.setAttribute("aria-label", file.name);
      mid.appendChild(bar); mid.appendChild(msg); li.appendChild(name); li.appendChild(mid); li.appendChild(el("span")).appendChild(link);
      li.dataset.status = "sending";
      queue.appendChild(li);
      var row = {li: li, bar: bar, msg: msg, link: link};
      var data = new FormData();
      data.append("kind", document.getElementById("kind").value);
      data.append("file", file, file.name);
      var xhr = new XMLHttpRequest();
      xhr.open("POST", "/upload/files");
      xhr.setRequestHeader("X-CSRF-Token", csrf);
      xhr.setRequestHeader("Accept", "application/json");
      xhr.upload.onprogress = function (e) {
        if (e.lengthComputable) {
          var pct = Math.round(100 * e.loaded / e.total);
          bar.value = pct; msg.textContent = t("upload.sending", {percent: pct});
        }
      };
      xhr.onload = function () {
        var body = null;
        try { body = JSON.parse(xhr.responseText); } catch (e) { body = null; }
        if (xhr.status === 200 || xhr.status === 202) {
          li.dataset.documentId = body.id;
          msg.textContent = body.duplicate ? t("upload.duplicate") : t("upload.accepted");
          if (body.document_url) { link.href = body.document_url; link.hidden = false; }
          if (body.job_id) poll(row, body.job_id);
        } else {
          li.classList.add("error"); li.dataset.status = "rejected"; li.dataset.code = (body && body.error && body.error.code) || "";
          bar.value = 0; msg.textContent = errorText(xhr.status, body);
        }
      };
      xhr.onerror = function () { li.classList.add("error"); li.dataset.status = "rejected"; msg.textContent = t("upload.network"); };
      xhr.send(data);
    }
    function sendAll(files) { Array.prototype.forEach.call(files, send); }
    form.addEventListener("submit", function (e) { e.preventDefault(); sendAll(input.files); input.value = ""; });
    input.addEventListener("change", function () { if (input.files.length) { sendAll(input.files); input.value = ""; } });
    ["dragenter", "dragover"].forEach(function (n) { zone.addEventListener(n, function (e) { e.preventDefault(); zone.classList.add("over"); }); });
    ["dragleave", "drop"].forEach(function (n) { zone.addEventListener(n, function (e) { e.preventDefault(); zone.classList.remove("over"); }); });
    zone.addEventListener("drop", function (e) { if (e.dataTransfer && e.dataTransfer.files.length) sendAll(e.dataTransfer.files); });
  }

  /* ---------- review: jump to evidence, boxes over the page image, edit in place ---------- */
  var review = document.getElementById("review"), img = document.getElementById("page-image");
  if (review && img) {
    var inner = document.getElementById("page-inner"), frame = document.getElementById("page-frame");
    var label = document.getElementById("page-label");
    var state = {page: parseInt(img.dataset.page, 10), active: null};
    function drawBoxes() {
      inner.querySelectorAll(".hl").forEach(function (n) { n.remove(); });
      if (!img.naturalWidth) return;
      var scale = img.clientWidth / img.naturalWidth * parseFloat(img.dataset.pxPerPoint);
      var seen = {};
      document.querySelectorAll(".ev[data-bbox]").forEach(function (a) {
        if (parseInt(a.dataset.page, 10) !== state.page || seen[a.dataset.bbox]) return;
        seen[a.dataset.bbox] = true;
        var b = a.dataset.bbox.split(",").map(parseFloat), box = el("div", "hl");
        box.style.left = (b[0] * scale - 2) + "px"; box.style.top = (b[1] * scale - 2) + "px";
        box.style.width = ((b[2] - b[0]) * scale + 4) + "px"; box.style.height = ((b[3] - b[1]) * scale + 4) + "px";
        box.dataset.ev = a.dataset.ev;
        if (state.active && state.active.dataset.bbox === a.dataset.bbox) { box.classList.add("active"); box.id = "active-box"; }
        inner.appendChild(box);
      });
      var active = document.getElementById("active-box");
      if (active) frame.scrollTop = Math.max(0, active.offsetTop - frame.clientHeight / 3);
    }
    function showPage(page) {
      if (page === state.page && img.src.indexOf("?") < 0) { drawBoxes(); return; }
      state.page = page;
      img.src = img.dataset.base + page + ".png";
      label.textContent = label.dataset.template.replace("{n}", page);
    }
    img.addEventListener("load", drawBoxes);
    window.addEventListener("resize", drawBoxes);
    if (img.src.indexOf("?") >= 0) img.src = img.dataset.base + state.page + ".png";  // boxes are drawn here instead
    else if (img.complete) drawBoxes();
    function select(a) {
      document.querySelectorAll(".ev.active").forEach(function (n) { n.classList.remove("active"); });
      document.querySelectorAll(".item.selected").forEach(function (n) { n.classList.remove("selected"); });
      a.classList.add("active");
      var item = a.closest(".item");
      if (item) item.classList.add("selected");
      state.active = a;
      history.replaceState(null, "", "?page=" + a.dataset.page + "&ev=" + encodeURIComponent(a.dataset.ev) + (item ? "#" + item.id : ""));
      showPage(parseInt(a.dataset.page, 10));
    }
    document.addEventListener("click", function (e) {
      var a = e.target.closest && e.target.closest("a.ev");
      if (a) { e.preventDefault(); select(a); }
    });
    var initial = document.querySelector(".ev.active");
    if (initial) { state.active = initial; var it = initial.closest(".item"); if (it) it.classList.add("selected"); }

    document.addEventListener("submit", function (e) {
      var f = e.target;
      if (f.matches("form.remove") && !window.confirm(t("review.remove_confirm"))) { e.preventDefault(); return; }
      if (!f.matches("form.edit-form")) return;
      e.preventDefault();
      var item = f.closest(".item");
      fetch(f.action, {method: "POST", body: new FormData(f), credentials: "same-origin",
                       headers: {"Accept": "text/html+fragment", "X-CSRF-Token": f.querySelector("[name=csrf_token]").value}})
        .then(function (r) { return r.text().then(function (html) { return {ok: r.ok, html: html}; }); })
        .then(function (res) {
          var holder = document.createElement("div");
          holder.innerHTML = res.html.trim();
          var fresh = holder.firstElementChild;
          if (fresh && fresh.classList.contains("item")) {
            item.replaceWith(fresh);
            var again = state.active && fresh.querySelector('.ev[data-ev="' + state.active.dataset.ev + '"]');
            if (again) { again.classList.add("active"); fresh.classList.add("selected"); state.active = again; }
            var d = fresh.querySelector("details.edit"), target = fresh.querySelector("details.edit > summary");
            if (fresh.querySelector(".error-inline") && d) { d.open = true; target = d.querySelector("input, textarea, select"); }
            if (target) target.focus();  // keyboard users stay where they were
            drawBoxes();
          } else { window.location.reload(); }
        })
        .catch(function () { f.submit(); });
    });
  }
})();
