/*
 * Charts of the evidence and of the results over the years, drawn in the browser with Apache ECharts (served by
 * the app itself from its webjar: installations are often offline). Every <div class="chart" data-chart-src="…">
 * gets its chart model (JSON, built on the server: ChartModel) and is drawn from it; the figure around it gets a
 * «Скачать PNG» button. The data table under each chart comes with the page and stays the view for screen
 * readers and for a browser without scripts. No inline scripts or styles: the page's CSP forbids them.
 */
(function () {
  'use strict';

  if (typeof echarts === 'undefined') {
    return; // the library did not load: the tables under the charts still hold every number
  }

  var TEXT = '#1d2330';
  var MUTED = '#5d6675';
  var GRID = '#e3e6ec';
  var NBSP = '\u00a0';

  /* ECharts 5.5 ships no Russian locale in its webjar: the words it may show, in Russian. */
  echarts.registerLocale('RU', {
    time: {
      month: ['Январь', 'Февраль', 'Март', 'Апрель', 'Май', 'Июнь', 'Июль', 'Август', 'Сентябрь', 'Октябрь',
        'Ноябрь', 'Декабрь'],
      monthAbbr: ['янв', 'фев', 'мар', 'апр', 'май', 'июн', 'июл', 'авг', 'сен', 'окт', 'ноя', 'дек'],
      dayOfWeek: ['Воскресенье', 'Понедельник', 'Вторник', 'Среда', 'Четверг', 'Пятница', 'Суббота'],
      dayOfWeekAbbr: ['вс', 'пн', 'вт', 'ср', 'чт', 'пт', 'сб']
    },
    legend: { selector: { all: 'Все', inverse: 'Обратить' } },
    toolbox: {
      brush: { title: { rect: 'Выделить область', polygon: 'Выделить произвольно', lineX: 'По горизонтали',
        lineY: 'По вертикали', keep: 'Сохранить выделение', clear: 'Снять выделение' } },
      dataView: { title: 'Данные', lang: ['Данные', 'Закрыть', 'Обновить'] },
      dataZoom: { title: { zoom: 'Увеличить', back: 'Сбросить' } },
      magicType: { title: { line: 'Линии', bar: 'Столбцы', stack: 'Стопкой', tiled: 'Рядом' } },
      restore: { title: 'Восстановить' },
      saveAsImage: { title: 'Сохранить как картинку', lang: ['Правый клик — сохранить картинку'] }
    },
    series: { typeNames: { pie: 'Круговая диаграмма', bar: 'Столбчатая диаграмма', line: 'График',
      scatter: 'Точечная диаграмма', custom: 'Диаграмма' } },
    aria: {
      general: { withTitle: 'Это диаграмма «{title}»', withoutTitle: 'Это диаграмма' },
      series: { single: { prefix: '', withName: ' с типом {seriesType} и именем {seriesName}.',
        withoutName: ' с типом {seriesType}.' },
      multiple: { prefix: '. Она состоит из {seriesCount} рядов.', withName: ' Ряд {seriesId}: {seriesType} «{seriesName}».',
        withoutName: ' Ряд {seriesId}: {seriesType}.', separator: { middle: '', end: '' } } },
      data: { allData: 'Данные: ', partialData: 'Первые {displayCnt} значений: ', withName: '{name}: {value}',
        withoutName: '{value}', separator: { middle: ', ', end: '. ' } }
    }
  });

  /** «1 234,5»: a decimal comma and a no-break space between thousands, as RussianFormat writes them. */
  function num(v, digits) {
    if (v === null || v === undefined || isNaN(v)) {
      return '—';
    }
    var parts = Math.abs(v).toFixed(digits).split('.');
    var whole = parts[0].replace(/\B(?=(\d{3})+(?!\d))/g, NBSP);
    return (v < 0 ? '−' : '') + whole + (parts.length > 1 ? ',' + parts[1] : '');
  }

  /** A share as per cent: 0.9 → «90 %» (axis) or «90,0 %» (values). */
  function pct(v, digits) {
    return v === null || v === undefined ? '—' : num(v * 100, digits) + NBSP + '%';
  }

  function valueText(model, digits) {
    return function (v) {
      return model.percent ? pct(v, 1) : num(v, digits);
    };
  }

  function merge(a, b) {
    Object.keys(b).forEach(function (k) {
      a[k] = b[k];
    });
    return a;
  }

  /** What every chart shares: Russian text, a legend on top, labels kept inside the drawing area. */
  function base(model) {
    return {
      animation: false,
      textStyle: { color: TEXT, fontFamily: 'inherit', fontSize: 13 },
      grid: { left: 12, right: 24, top: 52, bottom: 12, containLabel: true },
      legend: { top: 0, left: 0, type: 'scroll', textStyle: { color: TEXT, fontSize: 12 },
        data: model.series.map(function (s) { return s.name; }) },
      // rich text: drawn on the canvas, so no HTML with inline styles (the CSP forbids them)
      tooltip: { trigger: 'axis', renderMode: 'richText', valueFormatter: valueText(model, 1) },
      series: []
    };
  }

  /*
   * Axis titles: under a horizontal axis, in the middle (the grid keeps room for it below the labels); above a
   * vertical axis, written from its top to the right, so that long labels can never push it off the canvas.
   */
  function titled(axis, name, horizontal) {
    if (!name) {
      return axis;
    }
    return merge(axis, horizontal
      ? { name: name, nameLocation: 'middle', nameGap: 28, nameTextStyle: { color: MUTED, fontSize: 12 } }
      : { name: name, nameLocation: 'end', nameGap: 12,
        nameTextStyle: { color: MUTED, fontSize: 12, align: 'left', padding: [0, 0, 0, -8] } });
  }

  function categoryAxis(model, name, horizontal) {
    return titled({ type: 'category', data: model.categories,
      axisLabel: { color: TEXT, hideOverlap: true, lineHeight: 16 },
      axisLine: { lineStyle: { color: MUTED } } }, name, horizontal !== false);
  }

  function valueAxis(model, name, digits, horizontal) {
    return titled({ type: 'value', axisLabel: { color: TEXT,
      formatter: function (v) { return model.percent ? pct(v, 0) : num(v, digits); } },
    splitLine: { lineStyle: { color: GRID } } }, name, horizontal === true);
  }

  /** Room under the plot for a horizontal axis title, below category labels of one or two lines. */
  function roomBelow(o, name) {
    var twoLines = o.xAxis && o.xAxis.type === 'category' && (o.xAxis.data || []).some(function (c) {
      return String(c).indexOf('\n') >= 0;
    });
    if (name && o.xAxis && !Array.isArray(o.xAxis)) {
      o.xAxis.nameGap = twoLines ? 48 : 28;
    }
    o.grid.bottom = name ? 34 : 12;
    return o;
  }

  function line(s, extra) {
    return merge({ name: s.name, type: 'line', data: s.values, connectNulls: false, symbolSize: 7,
      itemStyle: { color: s.colour }, lineStyle: { color: s.colour, width: 2.5 } }, extra || {});
  }

  var BUILD = {
    /* Solve rate per task: the school's line against the region's (A.2). */
    profile: function (model) {
      var o = base(model);
      o.xAxis = categoryAxis(model, model.xTitle);
      o.yAxis = merge(valueAxis(model, model.yTitle, 0), { min: 0, max: 1 });
      o.series = model.series.map(function (s, i) { return line(s, { z: 3 - i }); });
      return roomBelow(o, model.xTitle);
    },

    /* The score histogram, the expected curve and the mark thresholds (A.5). */
    histogram: function (model) {
      var o = base(model);
      o.grid.top = 70;
      o.xAxis = categoryAxis(model, model.xTitle);
      o.yAxis = merge(valueAxis(model, model.yTitle, 0), { minInterval: 1 });
      roomBelow(o, model.xTitle);
      o.series = model.series.map(function (s, i) {
        if (s.type === 'bar') {
          return { name: s.name, type: 'bar', data: s.values, barCategoryGap: '15%', itemStyle: { color: s.colour },
            markLine: i === 0 ? thresholds(model) : undefined };
        }
        return line(s, { symbolSize: 5, z: 3 });
      });
      return o;
    },

    /* Marks by the work against marks by the journal: stacked shares, school and region (A.3). */
    journal: function (model) {
      var o = base(model);
      o.tooltip.trigger = 'item';
      o.xAxis = merge(valueAxis(model, model.xTitle, 0, true), { min: 0, max: 1 });
      o.yAxis = merge(categoryAxis(model, '', false), { inverse: true });
      roomBelow(o, model.xTitle);
      o.series = model.series.map(function (s) {
        return { name: s.name, type: 'bar', stack: 'shares', data: s.values, barWidth: '55%',
          itemStyle: { color: s.colour, borderColor: '#fff', borderWidth: 1 },
          label: { show: true, color: '#fff', fontWeight: 'bold',
            formatter: function (p) { return p.value >= 0.06 ? pct(p.value, 1) : ''; } } };
      });
      return o;
    },

    /* The school's interval and means against the group's mean (B.1). */
    interval: function (model) {
      var o = base(model);
      o.tooltip.trigger = 'item';
      var all = [];
      model.series.forEach(function (s) { s.values.forEach(function (v) { if (v !== null) { all.push(v); } }); });
      model.marks.forEach(function (m) { all.push(m.at); });
      var lo = Math.min.apply(null, all);
      var hi = Math.max.apply(null, all);
      var pad = Math.max((hi - lo) * 0.15, 0.5);
      o.xAxis = merge(valueAxis(model, model.xTitle, 1, true), { min: Math.floor(lo - pad), max: Math.ceil(hi + pad) });
      o.yAxis = merge(categoryAxis(model, '', false), { inverse: true });
      o.grid.top = 70;
      roomBelow(o, model.xTitle);
      o.series = model.series.map(function (s, i) {
        if (s.type === 'range') {
          return { name: s.name, type: 'line', data: [[s.values[0], 0], [s.values[1], 0]], symbol: 'rect',
            symbolSize: [3, 16], lineStyle: { color: s.colour, width: 5 }, itemStyle: { color: s.colour },
            markLine: i === 0 ? groupMean(model) : undefined };
        }
        var points = [];
        s.values.forEach(function (v, k) { if (v !== null) { points.push([v, k]); } });
        return { name: s.name, type: 'scatter', data: points, symbolSize: 14, itemStyle: { color: s.colour, opacity: 1 },
          label: { show: true, position: 'top', color: TEXT, formatter: function (p) { return num(p.value[0], 1); } } };
      });
      return o;
    },

    /* The zone per year: one coloured box per year with the zone word. */
    zones: function (model) {
      var s = model.series[0];
      var o = base(model);
      o.legend = { show: false };
      o.tooltip = { show: false };
      o.grid = { left: 8, right: 8, top: 4, bottom: 4, containLabel: true };
      o.xAxis = merge(categoryAxis(model, ''), { position: 'top', axisTick: { show: false },
        axisLine: { show: false }, axisLabel: { color: TEXT, fontWeight: 'bold', fontSize: 13 } });
      o.yAxis = { type: 'value', show: false, max: 1 };
      o.series = [{ name: s.name, type: 'bar', barCategoryGap: '8%', barMaxWidth: 150, data: s.values.map(function (v, i) {
        return { value: v, itemStyle: { color: s.colours[i], borderColor: s.colour, borderWidth: 1, borderRadius: 4 } };
      }), label: { show: true, position: 'inside', color: TEXT, fontSize: 13,
        formatter: function (p) { return s.labels[p.dataIndex]; } } }];
      return o;
    },

    /* The school's mean against the region's by year; a gap where a small group hides the school's mean. */
    trend: function (model) {
      var o = base(model);
      o.xAxis = merge(categoryAxis(model, model.xTitle), { boundaryGap: true });
      // not from zero (means of 15 and 16 would look equal) but with room above and below the points for their labels
      o.yAxis = merge(valueAxis(model, model.yTitle, 1), {
        min: function (v) { return Math.max(0, Math.floor(v.min - Math.max((v.max - v.min) * 0.25, 0.5))); },
        max: function (v) { return Math.ceil(v.max + Math.max((v.max - v.min) * 0.25, 0.5)); } });
      // the school above the region (a filled circle over an open square, its value above, the region's below), so
      // that equal means do not hide the school's point
      o.series = model.series.map(function (s, i) {
        return line(s, { z: 3 - i, showSymbol: true, symbol: i === 0 ? 'circle' : 'rect', symbolSize: i === 0 ? 10 : 8,
          itemStyle: { color: s.colour, borderColor: s.colour },
          lineStyle: { color: s.colour, width: 2.5, type: i === 0 ? 'solid' : 'dashed' },
          label: { show: true, position: i === 0 ? 'top' : 'bottom', color: s.colour, fontWeight: i === 0 ? 'bold' : 'normal',
            formatter: function (p) { return num(p.value, 1); } } });
      });
      return roomBelow(o, model.xTitle);
    }
  };

  function thresholds(model) {
    return { symbol: 'none', silent: true, lineStyle: { type: 'dashed', width: 2 },
      data: model.marks.map(function (m) {
        return { xAxis: String(m.at), lineStyle: { color: m.colour },
          label: { formatter: m.label, color: m.colour, position: 'end', fontWeight: 'bold' } };
      }) };
  }

  function groupMean(model) {
    return { symbol: 'none', silent: true, lineStyle: { type: 'dashed', width: 2 },
      data: model.marks.map(function (m) {
        return { xAxis: m.at, lineStyle: { color: m.colour },
          // the category axis is inverted (ОО on top), so the line's start is its top end
          label: { formatter: m.label + ': ' + num(m.at, 1), color: m.colour, position: 'start', fontWeight: 'bold' } };
      }) };
  }

  var live = [];

  function draw(el, model) {
    var build = BUILD[model.kind];
    if (!build) {
      return;
    }
    el.classList.add('chart-live', 'chart-' + model.kind);
    var chart = echarts.init(el, null, { locale: 'RU', renderer: 'canvas' });
    chart.setOption(build(model));
    live.push({ el: el, chart: chart });
    pngButton(el, chart, model);
  }

  /** «Скачать PNG»: the chart as a picture with its title on a white background, named like the xlsx. */
  function pngButton(el, chart, model) {
    var actions = el.parentNode.querySelector('.chart-actions');
    if (!actions || actions.querySelector('.chart-png-button')) {
      return;
    }
    var button = document.createElement('button');
    button.type = 'button';
    button.className = 'chart-png-button';
    button.textContent = 'Скачать PNG';
    var link = document.createElement('a');
    link.className = 'chart-png';
    link.hidden = true;
    link.setAttribute('download', (model.file || 'график') + '.png');
    button.addEventListener('click', function () {
      link.href = picture(chart, model);
      link.click();
    });
    actions.insertBefore(link, actions.firstChild);
    actions.insertBefore(button, actions.firstChild);
  }

  /** The data URL of the chart with its title drawn in (the page shows the title outside the canvas). */
  function picture(chart, model) {
    var grid = chart.getOption().grid[0];
    var top = grid.top;
    chart.setOption({ title: { show: true, text: model.title, left: 0, top: 0,
      textStyle: { color: TEXT, fontSize: 14, width: chart.getWidth() - 16, overflow: 'break' } },
    legend: { top: 26 }, grid: { top: top + 30 } });
    var url = chart.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#fff' });
    chart.setOption({ title: { show: false }, legend: { top: 0 }, grid: { top: top } });
    return url;
  }

  function failed(el) {
    var note = document.createElement('p');
    note.className = 'muted';
    note.textContent = 'График не загрузился; все его числа — в таблице «Данные графика» ниже.';
    el.parentNode.replaceChild(note, el);
  }

  function load(el) {
    el.setAttribute('data-chart-state', 'loading');
    fetch(el.getAttribute('data-chart-src'), { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
      .then(function (r) {
        if (!r.ok) {
          throw new Error('HTTP ' + r.status);
        }
        return r.json();
      })
      .then(function (model) {
        draw(el, model);
        el.setAttribute('data-chart-state', 'drawn');
      })
      .catch(function () {
        failed(el);
      });
  }

  /** Draws the charts under root; one inside a closed <details> is drawn when it opens (it has no width before). */
  function scan(root) {
    var found = root.querySelectorAll ? root.querySelectorAll('div.chart[data-chart-src]') : [];
    Array.prototype.forEach.call(found, function (el) {
      if (el.hasAttribute('data-chart-state')) {
        return;
      }
      var closed = el.closest('details:not([open])');
      if (closed) {
        el.setAttribute('data-chart-state', 'waiting');
        closed.addEventListener('toggle', function opened() {
          if (closed.open) {
            closed.removeEventListener('toggle', opened);
            el.removeAttribute('data-chart-state');
            scan(closed);
          }
        });
        return;
      }
      load(el);
    });
    if (root.matches && root.matches('details')) {
      resize();
    }
  }

  /** Fits every chart to its box again (window resized, tablet turned); drops charts htmx swapped away. */
  function resize() {
    live = live.filter(function (c) {
      if (!document.body.contains(c.el)) {
        c.chart.dispose();
        return false;
      }
      c.chart.resize();
      return true;
    });
  }

  var pending = false;
  window.addEventListener('resize', function () {
    if (!pending) {
      pending = true;
      window.requestAnimationFrame(function () {
        pending = false;
        resize();
      });
    }
  });

  document.addEventListener('htmx:load', function (e) {
    resize(); // lets go of the charts the swap removed
    scan(e.detail.elt);
  });
  scan(document);
}());
