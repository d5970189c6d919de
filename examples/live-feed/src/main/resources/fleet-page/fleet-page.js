// The live fleet page: reads the server-sent events of /events and draws the fleet on a canvas.
//
// Everything the page knows is in window.fleet (trackers by source id with their last drawn canvas position x/y in
// CSS pixels, alerts, the consumer's connection), and each tracker is also a row of #trackers with data attributes,
// so a test can read what is shown.
(function () {
  'use strict';

  var SPEED_LIMIT = 80;
  var TRAIL_POINTS = 40;
  var COLORS = { moving: '#2e8b57', stopped: '#e0a100', parked: '#5b7186' };
  var UNKNOWN = '#9aa5b1', SPEEDING = '#d93025', BLOCKED = '#3c4043', REMOVED = '#b3261e';

  var fleet = window.fleet = {
    trackers: {},     // source id -> last tracker event, plus trail [[lat, lng]...] and x, y where drawn
    alerts: [],       // newest first
    connection: null, // the consumer's connection, as last pushed
    stream: 'connecting',
    updates: 0,       // tracker events received
    drawn: 0          // markers drawn by the last frame
  };

  var canvas = document.getElementById('fleet-canvas');
  var ctx = canvas.getContext('2d');
  var view = null;    // the lat/lng box shown: {minLat, maxLat, minLng, maxLng}
  var lastAlertSeq = 0;
  var framePending = false;

  function byId(id) { return document.getElementById(id); }

  function esc(value) {
    return String(value == null ? '' : value).replace(/[&<>"']/g, function (c) {
      return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c];
    });
  }

  function hasPosition(t) { return t.lat != null && t.lng != null; }

  function colorOf(t) {
    if (t.lifecycle === 'block') { return BLOCKED; }
    if (t.lifecycle === 'corrupt') { return REMOVED; }
    return COLORS[t.movement] || UNKNOWN;
  }

  function speeding(t) { return !t.lifecycle && t.speed != null && t.speed > SPEED_LIMIT; }

  function clock(iso) {
    var d = iso ? new Date(iso) : new Date();
    return isNaN(d) ? '' : d.toTimeString().slice(0, 8);
  }

  // ---- the event stream ----

  var source = new EventSource('events');
  source.onopen = function () {
    // A (re)opened stream starts with the server's whole picture, alerts included: start the list afresh.
    fleet.alerts = [];
    lastAlertSeq = 0;
    setStream('open');
  };
  source.onerror = function () {
    setStream(source.readyState === EventSource.CLOSED ? 'closed' : 'reconnecting');
  };
  source.addEventListener('tracker', function (e) { onTracker(JSON.parse(e.data)); });
  source.addEventListener('speeding', function (e) { onSpeeding(JSON.parse(e.data)); });
  source.addEventListener('connection', function (e) { onConnection(JSON.parse(e.data)); });

  function setStream(state) {
    fleet.stream = state;
    var el = byId('stream-state');
    el.textContent = state;
    el.className = state === 'open' ? '' : 'error';
  }

  function onTracker(t) {
    var key = String(t.sourceId);
    var before = fleet.trackers[key];
    var trail = before ? before.trail : [];
    if (hasPosition(t)) {
      var last = trail[trail.length - 1];
      if (!last || last[0] !== t.lat || last[1] !== t.lng) {
        trail.push([t.lat, t.lng]);
        if (trail.length > TRAIL_POINTS) { trail.shift(); }
      }
    }
    t.trail = trail;
    if (before) { t.x = before.x; t.y = before.y; }
    fleet.trackers[key] = t;
    fleet.updates++;
    scheduleFrame();
  }

  function onSpeeding(numbered) {
    if (numbered.seq <= lastAlertSeq) { return; } // already shown
    lastAlertSeq = numbered.seq;
    fleet.alerts.unshift(numbered.alert);
    fleet.alerts.length = Math.min(fleet.alerts.length, 30);
    renderAlerts();
  }

  function onConnection(c) {
    fleet.connection = c;
    var badge = byId('connection-state');
    badge.textContent = c.state;
    badge.dataset.state = c.state;
    badge.className = 'badge ' + (c.state === 'SUBSCRIBED' ? 'ok'
        : (c.state === 'FAILED' || c.state === 'NO_CONSUMER' || c.state === 'STOPPED') ? 'bad' : 'warn');
    byId('connection-state-text').textContent = c.state;
    setText('connection-route', c.routeId || '–', !c.routeId);
    byId('connection-events').textContent = c.events;
    byId('connection-reconnects').textContent = c.reconnects;
    byId('connection-failures').textContent = c.failedAttempts;
    var retry = c.nextRetryMillis > 0
        ? 'in ' + Math.max(0, Math.round((c.nextRetryMillis - Date.now()) / 1000)) + ' s' : '–';
    setText('connection-retry', retry, c.nextRetryMillis <= 0);
    var error = byId('connection-error');
    error.textContent = c.lastError || 'none';
    error.className = c.lastError ? 'error' : 'none';
  }

  function setText(id, text, muted) {
    var el = byId(id);
    el.textContent = text;
    el.className = muted ? 'none' : '';
  }

  // ---- the side panel ----

  function renderTable() {
    var list = Object.keys(fleet.trackers).map(function (k) { return fleet.trackers[k]; })
        .sort(function (a, b) { return a.sourceId - b.sourceId; });
    if (list.length === 0) { return; }
    byId('trackers').innerHTML = list.map(function (t) {
      var tag = t.lifecycle === 'block' ? '<span class="tag block">BLOCKED</span>'
          : t.lifecycle === 'corrupt' ? '<span class="tag corrupt">REMOVED</span>' : '';
      return '<tr data-source-id="' + esc(t.sourceId) + '" data-lat="' + esc(t.lat) + '" data-lng="' + esc(t.lng)
          + '" data-x="' + esc(t.x) + '" data-y="' + esc(t.y) + '" data-movement="' + esc(t.movement)
          + '" data-speed="' + esc(t.speed) + '" data-lifecycle="' + esc(t.lifecycle || '') + '">'
          + '<td><span class="dot" style="background:' + colorOf(t) + '"></span>' + esc(t.sourceId) + '</td>'
          + '<td>' + esc(t.movement || '–') + tag + '</td>'
          + '<td class="num' + (speeding(t) ? ' fast' : '') + '">' + esc(t.speed == null ? '–' : t.speed) + '</td>'
          + '<td class="num">' + (t.heading == null ? '–' : esc(t.heading) + '°') + '</td></tr>';
    }).join('');
    var counts = { moving: 0, stopped: 0, parked: 0 };
    list.forEach(function (t) { if (counts[t.movement] != null) { counts[t.movement]++; } });
    byId('summary').textContent = list.length + ' trackers · ' + counts.moving + ' moving · ' + counts.stopped
        + ' stopped · ' + counts.parked + ' parked';
  }

  function renderAlerts() {
    var ul = byId('alerts');
    if (fleet.alerts.length === 0) {
      ul.innerHTML = '<li class="empty">none yet</li>';
      return;
    }
    ul.innerHTML = fleet.alerts.map(function (a) {
      return '<li data-source-id="' + esc(a.sourceId) + '" data-speed="' + esc(a.speed) + '">'
          + '<span class="time">' + esc(clock(a.time)) + '</span><span>source ' + esc(a.sourceId) + '</span>'
          + '<span class="speed">' + esc(a.speed) + ' km/h</span></li>';
    }).join('');
  }

  // ---- the map ----

  function scheduleFrame() {
    if (framePending) { return; }
    framePending = true;
    requestAnimationFrame(function () {
      framePending = false;
      draw();
      renderTable();
    });
  }
  window.addEventListener('resize', scheduleFrame);

  function fleetBox(list) {
    var box = null;
    list.forEach(function (t) {
      if (!box) { box = { minLat: t.lat, maxLat: t.lat, minLng: t.lng, maxLng: t.lng }; return; }
      box.minLat = Math.min(box.minLat, t.lat); box.maxLat = Math.max(box.maxLat, t.lat);
      box.minLng = Math.min(box.minLng, t.lng); box.maxLng = Math.max(box.maxLng, t.lng);
    });
    return box;
  }

  // Fit to the fleet, but keep the view still while the fleet stays well inside it, so the markers move, not the map.
  function fitView(box) {
    var minSpan = 0.004; // about 400 m: one tracker alone is not drawn at infinite zoom
    var latSpan = Math.max(box.maxLat - box.minLat, minSpan), lngSpan = Math.max(box.maxLng - box.minLng, minSpan);
    var inside = view && box.minLat >= view.minLat && box.maxLat <= view.maxLat
        && box.minLng >= view.minLng && box.maxLng <= view.maxLng;
    var tooLoose = view && (view.maxLat - view.minLat) > 3 * latSpan && (view.maxLng - view.minLng) > 3 * lngSpan;
    if (inside && !tooLoose) { return; }
    var midLat = (box.minLat + box.maxLat) / 2, midLng = (box.minLng + box.maxLng) / 2;
    view = {
      minLat: midLat - latSpan * 0.7, maxLat: midLat + latSpan * 0.7,
      minLng: midLng - lngSpan * 0.7, maxLng: midLng + lngSpan * 0.7
    };
  }

  // An equirectangular projection around the view's middle latitude, fitted into the canvas with a margin.
  function projection(width, height) {
    var margin = 48;
    var cos = Math.cos(((view.minLat + view.maxLat) / 2) * Math.PI / 180);
    var worldW = (view.maxLng - view.minLng) * cos, worldH = view.maxLat - view.minLat;
    var scale = Math.min((width - 2 * margin) / worldW, (height - 2 * margin) / worldH);
    var cx = width / 2, cy = height / 2;
    var midLat = (view.minLat + view.maxLat) / 2, midLng = (view.minLng + view.maxLng) / 2;
    return {
      scale: scale, // pixels per degree of latitude
      toXY: function (lat, lng) { return { x: cx + (lng - midLng) * cos * scale, y: cy - (lat - midLat) * scale }; },
      toLat: function (y) { return midLat + (cy - y) / scale; },
      toLng: function (x) { return midLng + (x - cx) / (cos * scale); }
    };
  }

  function draw() {
    var dpr = window.devicePixelRatio || 1;
    var width = canvas.clientWidth, height = canvas.clientHeight;
    if (canvas.width !== Math.round(width * dpr) || canvas.height !== Math.round(height * dpr)) {
      canvas.width = Math.round(width * dpr);
      canvas.height = Math.round(height * dpr);
    }
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.fillStyle = '#f6f8fa';
    ctx.fillRect(0, 0, width, height);

    var placed = Object.keys(fleet.trackers).map(function (k) { return fleet.trackers[k]; }).filter(hasPosition);
    if (placed.length === 0) {
      ctx.fillStyle = '#6b7785';
      ctx.font = '15px system-ui, sans-serif';
      ctx.textAlign = 'center';
      ctx.fillText('Waiting for tracker positions…', width / 2, height / 2);
      fleet.drawn = 0;
      return;
    }
    fitView(fleetBox(placed));
    var p = projection(width, height);
    drawGrid(p, width, height);
    drawScale(p, height);
    placed.forEach(function (t) {
      var at = p.toXY(t.lat, t.lng);
      t.x = Math.round(at.x * 10) / 10;
      t.y = Math.round(at.y * 10) / 10;
    });
    placed.forEach(function (t) { drawTrail(t, p); });
    placed.forEach(drawMarker);
    // labels keep clear of the markers and of each other
    var labels = placed.map(function (t) { return { x: t.x - 12, y: t.y - 12, w: 24, h: 24 }; });
    placed.forEach(function (t) { drawLabel(t, width, height, labels); });
    fleet.drawn = placed.length;
  }

  function niceStep(span, parts) {
    var raw = span / parts, power = Math.pow(10, Math.floor(Math.log10(raw))), n = raw / power;
    return (n < 1.5 ? 1 : n < 3.5 ? 2 : n < 7.5 ? 5 : 10) * power;
  }

  function drawGrid(p, width, height) {
    var top = p.toLat(0), bottom = p.toLat(height), left = p.toLng(0), right = p.toLng(width);
    var step = niceStep(top - bottom, 6);
    var digits = Math.max(0, -Math.floor(Math.log10(step)));
    ctx.strokeStyle = '#e1e6eb';
    ctx.lineWidth = 1;
    ctx.fillStyle = '#8a96a3';
    ctx.font = '11px system-ui, sans-serif';
    ctx.textAlign = 'left';
    for (var lat = Math.ceil(bottom / step) * step; lat <= top; lat += step) {
      var y = Math.round(p.toXY(lat, left).y) + 0.5;
      ctx.beginPath(); ctx.moveTo(0, y); ctx.lineTo(width, y); ctx.stroke();
      if (y > 18 && y < height - 24) { ctx.fillText(lat.toFixed(digits) + '°', 6, y - 4); }
    }
    ctx.textAlign = 'center';
    for (var lng = Math.ceil(left / step) * step; lng <= right; lng += step) {
      var x = Math.round(p.toXY(bottom, lng).x) + 0.5;
      ctx.beginPath(); ctx.moveTo(x, 0); ctx.lineTo(x, height); ctx.stroke();
      if (x > 70 && x < width - 30) { ctx.fillText(lng.toFixed(digits) + '°', x, height - 6); }
    }
  }

  function drawScale(p, height) {
    var metresPerPixel = 111320 / p.scale;
    var metres = niceStep(metresPerPixel * 120, 1);
    var length = metres / metresPerPixel;
    var x = 16, y = height - 28;
    ctx.strokeStyle = '#4a5561';
    ctx.lineWidth = 2;
    ctx.beginPath(); ctx.moveTo(x, y - 5); ctx.lineTo(x, y); ctx.lineTo(x + length, y); ctx.lineTo(x + length, y - 5);
    ctx.stroke();
    ctx.fillStyle = '#4a5561';
    ctx.font = '12px system-ui, sans-serif';
    ctx.textAlign = 'center';
    ctx.fillText(metres >= 1000 ? (metres / 1000) + ' km' : metres + ' m', x + length / 2, y - 7);
  }

  function drawTrail(t, p) {
    if (t.trail.length < 2) { return; }
    ctx.beginPath();
    t.trail.forEach(function (point, i) {
      var at = p.toXY(point[0], point[1]);
      if (i === 0) { ctx.moveTo(at.x, at.y); } else { ctx.lineTo(at.x, at.y); }
    });
    ctx.strokeStyle = colorOf(t);
    ctx.globalAlpha = 0.3;
    ctx.lineWidth = 3;
    ctx.lineJoin = 'round';
    ctx.lineCap = 'round';
    ctx.stroke();
    ctx.globalAlpha = 1;
  }

  function drawMarker(t) {
    var color = colorOf(t);
    if (speeding(t)) {
      ctx.beginPath();
      ctx.arc(t.x, t.y, 17, 0, 2 * Math.PI);
      ctx.fillStyle = 'rgba(217, 48, 37, 0.15)';
      ctx.fill();
      ctx.strokeStyle = SPEEDING;
      ctx.lineWidth = 2;
      ctx.stroke();
    }
    if (t.heading != null && t.lifecycle !== 'corrupt') {
      // the arrow points where the vehicle heads: bearing 0 = up (north), clockwise
      ctx.save();
      ctx.translate(t.x, t.y);
      ctx.rotate(t.heading * Math.PI / 180);
      ctx.beginPath();
      ctx.moveTo(0, -24);
      ctx.lineTo(7, -10);
      ctx.lineTo(-7, -10);
      ctx.closePath();
      ctx.fillStyle = color;
      ctx.fill();
      ctx.restore();
    }
    ctx.beginPath();
    ctx.arc(t.x, t.y, 9, 0, 2 * Math.PI);
    ctx.fillStyle = color;
    ctx.fill();
    ctx.strokeStyle = '#ffffff';
    ctx.lineWidth = 2.5;
    ctx.stroke();
    ctx.strokeStyle = '#ffffff';
    ctx.lineWidth = 2.5;
    ctx.lineCap = 'round';
    if (t.lifecycle === 'block') {
      // a no-entry bar
      ctx.beginPath(); ctx.moveTo(t.x - 5, t.y); ctx.lineTo(t.x + 5, t.y); ctx.stroke();
    } else if (t.lifecycle === 'corrupt') {
      ctx.beginPath();
      ctx.moveTo(t.x - 4, t.y - 4); ctx.lineTo(t.x + 4, t.y + 4);
      ctx.moveTo(t.x + 4, t.y - 4); ctx.lineTo(t.x - 4, t.y + 4);
      ctx.stroke();
      ctx.setLineDash([4, 3]);
      ctx.strokeStyle = REMOVED;
      ctx.lineWidth = 1.5;
      ctx.beginPath(); ctx.arc(t.x, t.y, 14, 0, 2 * Math.PI); ctx.stroke();
      ctx.setLineDash([]);
    }
  }

  // A label beside its marker, on the side the heading arrow does not point to, moved up or down when it would
  // cover a marker or a label drawn before.
  function drawLabel(t, width, height, taken) {
    var text = t.sourceId + '  ' + (t.speed == null ? '–' : t.speed) + ' km/h';
    var status = t.lifecycle === 'block' ? 'BLOCKED' : t.lifecycle === 'corrupt' ? 'REMOVED' : null;
    ctx.font = '600 12px system-ui, sans-serif';
    var textWidth = ctx.measureText(text).width;
    var w = textWidth + (status ? ctx.measureText(status).width + 10 : 0) + 12;
    var h = 20;
    var arrowRight = t.heading != null && t.heading > 20 && t.heading < 160;
    var sides = arrowRight ? ['left', 'right'] : ['right', 'left'];
    var box = null;
    [0, -24, 24, -48, 48].some(function (dy) {
      return sides.some(function (side) {
        var candidate = { x: side === 'right' ? t.x + 18 : t.x - 18 - w, y: t.y - h / 2 + dy, w: w, h: h };
        var fits = candidate.x >= 2 && candidate.x + w <= width - 2 && candidate.y >= 2 && candidate.y + h <= height - 2;
        if (fits && !taken.some(function (o) { return overlaps(o, candidate); })) {
          box = candidate;
          return true;
        }
        return false;
      });
    });
    if (!box) { box = { x: Math.min(t.x + 18, width - w - 2), y: t.y - h / 2, w: w, h: h }; }
    taken.push(box);
    ctx.fillStyle = 'rgba(255, 255, 255, 0.94)';
    ctx.strokeStyle = speeding(t) ? SPEEDING : '#c9d1d9';
    ctx.lineWidth = 1;
    roundRect(box.x, box.y, w, h, 5);
    ctx.fill();
    ctx.stroke();
    ctx.textAlign = 'left';
    ctx.textBaseline = 'middle';
    ctx.fillStyle = speeding(t) ? SPEEDING : '#1d2733';
    ctx.fillText(text, box.x + 6, box.y + h / 2 + 0.5);
    if (status) {
      ctx.fillStyle = t.lifecycle === 'block' ? BLOCKED : REMOVED;
      ctx.fillText(status, box.x + 6 + textWidth + 10, box.y + h / 2 + 0.5);
    }
    ctx.textBaseline = 'alphabetic';
  }

  function overlaps(a, b) {
    return a.x < b.x + b.w + 4 && b.x < a.x + a.w + 4 && a.y < b.y + b.h + 2 && b.y < a.y + a.h + 2;
  }

  function roundRect(x, y, w, h, r) {
    ctx.beginPath();
    ctx.moveTo(x + r, y);
    ctx.arcTo(x + w, y, x + w, y + h, r);
    ctx.arcTo(x + w, y + h, x, y + h, r);
    ctx.arcTo(x, y + h, x, y, r);
    ctx.arcTo(x, y, x + w, y, r);
    ctx.closePath();
  }

  scheduleFrame();
}());
