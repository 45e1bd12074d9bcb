-- A second real LSP client: Neovim 0.7.2 (Debian's) talks to `node dist/server.js --stdio`.
-- 0.7 has no vim.lsp.start: this uses start_client / buf_attach_client / buf_request_sync and a
-- publishDiagnostics handler, and applies code actions with vim.lsp.util.apply_workspace_edit.
--
-- Environment (run.sh sets it):
--   GONGWEN_NODE, GONGWEN_SERVER   the server
--   GONGWEN_DOC                    a corpus report (outline, folding); checks skipped when absent
--   GONGWEN_TEMPLATE               the corpus template (diagnostics); checks skipped when absent
--   GONGWEN_FIXTURE_GAP            a small document with a numbering gap (code action)
--   GONGWEN_FIXTURE_NEXT           a small document ending after （二）… (completion, hover)
--   GONGWEN_FINDINGS               where the findings go, ending with `neovim: N passed, M failed, K skipped`
-- Exits non-zero when a check failed.
local env = vim.env
local node, server, findings_file = env.GONGWEN_NODE or 'node', env.GONGWEN_SERVER, env.GONGWEN_FINDINGS

local lines, passed, failed, skipped = {}, 0, 0, 0
local function note(s) table.insert(lines, s) end
local function check(name, ok, detail)
  if ok then passed = passed + 1 else failed = failed + 1 end
  note(string.format('%s %s%s', ok and 'ok  ' or 'FAIL', name, detail and ('  (' .. detail .. ')') or ''))
  return ok
end
local function skip(name, reason)
  skipped = skipped + 1
  note(string.format('skip %s  (%s)', name, reason))
end

local function finish()
  note(string.format('neovim: %d passed, %d failed, %d skipped', passed, failed, skipped))
  local f = io.open(findings_file, 'w')
  if f then f:write(table.concat(lines, '\n') .. '\n'); f:close() end
  if failed > 0 then vim.cmd('cquit 1') else vim.cmd('qall!') end
end

local function exists(path) return path ~= nil and path ~= '' and vim.fn.filereadable(path) == 1 end

local function flatten(symbols, depth, out)
  for _, s in ipairs(symbols or {}) do
    table.insert(out, string.rep('  ', depth) .. (s.name or '?'))
    flatten(s.children, depth + 1, out)
  end
  return out
end

-- Diagnostics as published, by URI: the latest list and how many notifications came.
local published = {}
local function on_diagnostics(_, result)
  if not result then return end
  local entry = published[result.uri] or { notifications = 0 }
  entry.notifications = entry.notifications + 1
  entry.diagnostics = result.diagnostics or {}
  published[result.uri] = entry
end
local function codes_of(diagnostics)
  local counts, out = {}, {}
  for _, d in ipairs(diagnostics or {}) do counts[tostring(d.code)] = (counts[tostring(d.code)] or 0) + 1 end
  for code, n in pairs(counts) do table.insert(out, code .. '=' .. n) end
  table.sort(out)
  return counts, table.concat(out, ', ')
end
local function with_code(diagnostics, code)
  local out = {}
  for _, d in ipairs(diagnostics or {}) do if d.code == code then table.insert(out, d) end end
  return out
end

local client_id
local function request(bufnr, method, params)
  local res = vim.lsp.buf_request_sync(bufnr, method, params, 15000) or {}
  local r = res[client_id]
  if r and r.err then error(method .. ': ' .. vim.inspect(r.err)) end
  return r and r.result
end

--- Opens `path` in a buffer as filetype gongwen (didOpen's languageId) and attaches the client.
local function open(path)
  vim.cmd('edit ' .. vim.fn.fnameescape(path))
  local bufnr = vim.api.nvim_get_current_buf()
  vim.bo[bufnr].filetype = 'gongwen'
  vim.lsp.buf_attach_client(bufnr, client_id)
  return bufnr, vim.uri_from_bufnr(bufnr)
end

--- Waits until the document's diagnostics satisfy `ok` (after at least `after` notifications).
local function wait_diagnostics(uri, ok, after, ms)
  local good = vim.wait(ms or 10000, function()
    local e = published[uri]
    return e ~= nil and e.notifications > (after or 0) and ok(e.diagnostics)
  end, 50)
  return good, published[uri]
end

local function line_index(bufnr, prefix)
  for i, l in ipairs(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)) do
    if l:sub(1, #prefix) == prefix then return i - 1 end
  end
  return -1
end

local function main()
  note('neovim ' .. tostring(vim.version().major) .. '.' .. vim.version().minor .. '.' .. vim.version().patch)
  note('server: ' .. node .. ' ' .. server .. ' --stdio')
  vim.lsp.set_log_level('warn')
  vim.o.hidden = true -- switch buffers with unsaved edits

  client_id = vim.lsp.start_client({
    name = 'gongwen',
    cmd = { node, server, '--stdio' },
    root_dir = vim.fn.fnamemodify(env.GONGWEN_FIXTURE_GAP, ':h'),
    handlers = { ['textDocument/publishDiagnostics'] = on_diagnostics },
  })
  if not check('the server starts', client_id ~= nil) then return end
  -- didOpen of the first buffer starts the handshake.
  local gap_buf, gap_uri = open(env.GONGWEN_FIXTURE_GAP)
  local client
  local up = vim.wait(15000, function()
    client = vim.lsp.get_client_by_id(client_id)
    return client ~= nil and client.server_capabilities ~= nil and next(client.server_capabilities) ~= nil
  end, 50)
  if not check('initialize answers with capabilities', up) then return end
  local caps = client.server_capabilities
  local missing = {}
  for _, c in ipairs({ 'documentSymbolProvider', 'foldingRangeProvider', 'codeActionProvider', 'completionProvider', 'hoverProvider', 'executeCommandProvider' }) do
    if not caps[c] then table.insert(missing, c) end
  end
  check('capabilities: symbols, folding, code actions, completion, hover, commands', #missing == 0, #missing > 0 and ('missing ' .. table.concat(missing, ', ')) or nil)

  -- 1. A numbering gap: the diagnostic, its quick fix, the fix applied in the buffer.
  local ok, entry = wait_diagnostics(gap_uri, function(ds) return #with_code(ds, 'numbering-sequence') > 0 end)
  local _, summary = codes_of(entry and entry.diagnostics)
  local gap_line = line_index(gap_buf, '（三）城乡建设')
  local gap_diag
  for _, d in ipairs(with_code(entry and entry.diagnostics, 'numbering-sequence')) do
    if d.range.start.line == gap_line then gap_diag = d end
  end
  check('publishDiagnostics: numbering-sequence on （三） after （一）', ok and gap_diag ~= nil, summary)
  if gap_diag then
    local params = vim.lsp.util.make_range_params()
    params.range = gap_diag.range
    params.context = { diagnostics = { gap_diag }, only = { 'quickfix' } }
    local actions = request(gap_buf, 'textDocument/codeAction', params) or {}
    local titles, fix = {}, nil
    for _, a in ipairs(actions) do
      table.insert(titles, a.title)
      if a.kind == 'quickfix' and a.edit and (a.title == 'Renumber this list' or a.title == '重新编号本列表') then fix = a end
    end
    if check('codeAction offers the quick fix "Renumber this list" with an edit', fix ~= nil, table.concat(titles, ' | ')) then
      local before = published[gap_uri].notifications
      vim.lsp.util.apply_workspace_edit(fix.edit, client.offset_encoding or 'utf-16')
      local text = table.concat(vim.api.nvim_buf_get_lines(gap_buf, 0, -1, false), '\n')
      check('applying it renumbers the buffer to （一）（二）（三）',
        text:find('（二）城乡建设', 1, true) ~= nil and text:find('（三）民生保障', 1, true) ~= nil and text:find('（四）', 1, true) == nil)
      local cleared = wait_diagnostics(gap_uri, function(ds) return #with_code(ds, 'numbering-sequence') == 0 end, before)
      local _, after = codes_of(published[gap_uri].diagnostics)
      check('after the edit (didChange) the numbering-sequence diagnostic is gone', cleared, after ~= '' and after or 'no diagnostics')
    end
  end

  -- 2. Completion and hover on a document ending after （二）….
  local next_buf = open(env.GONGWEN_FIXTURE_NEXT)
  local last = vim.api.nvim_buf_line_count(next_buf) - 1
  local params = { textDocument = vim.lsp.util.make_text_document_params(next_buf), position = { line = last, character = 0 } }
  local result = request(next_buf, 'textDocument/completion', params)
  local items = result and (result.items or result) or {}
  local labels, offered = {}, false
  for i, it in ipairs(items) do
    if i <= 8 then table.insert(labels, it.label) end
    if it.label == '（三）' then offered = true end
  end
  check('completion on the empty line after （二）… offers （三）', offered, table.concat(labels, ' | '))
  local heading = line_index(next_buf, '（一）产业发展')
  params = { textDocument = vim.lsp.util.make_text_document_params(next_buf), position = { line = heading, character = 3 } }
  local hover = request(next_buf, 'textDocument/hover', params)
  local value = hover and hover.contents and (hover.contents.value or hover.contents) or ''
  if type(value) ~= 'string' then value = vim.inspect(value) end
  check('hover on （一）产业发展 shows the size of its section', value:find('characters', 1, true) ~= nil or value:find('字数', 1, true) ~= nil,
    (value:gsub('\n+', ' ')))

  -- 3. The corpus report: outline and folding.
  if exists(env.GONGWEN_DOC) then
    note('document: ' .. env.GONGWEN_DOC)
    local buf = open(env.GONGWEN_DOC)
    local p = { textDocument = vim.lsp.util.make_text_document_params(buf) }
    local outline = flatten(request(buf, 'textDocument/documentSymbol', p) or {}, 0, {})
    local found = false
    for _, n in ipairs(outline) do if n:find('2022年工作回顾', 1, true) then found = true end end
    check('documentSymbol is non-empty', #outline > 0, #outline .. ' symbols')
    check('documentSymbol contains 2022年工作回顾', found)
    note('--- outline ---')
    for _, n in ipairs(outline) do note('  ' .. n) end
    local ranges = request(buf, 'textDocument/foldingRange', p) or {}
    local first = line_index(buf, '一、2022年工作回顾')
    local folds_part = false
    for _, r in ipairs(ranges) do if r.startLine == first then folds_part = true end end
    check('foldingRange is non-empty, one folds 一、2022年工作回顾', #ranges > 0 and folds_part, #ranges .. ' ranges')
  else
    for _, n in ipairs({ 'documentSymbol is non-empty', 'documentSymbol contains 2022年工作回顾', 'foldingRange is non-empty, one folds 一、2022年工作回顾' }) do
      skip(n, 'corpus file not found: ' .. tostring(env.GONGWEN_DOC))
    end
  end

  -- 4. The corpus template: placeholder and section-missing diagnostics, and the placeholder count.
  if exists(env.GONGWEN_TEMPLATE) then
    note('template: ' .. env.GONGWEN_TEMPLATE)
    local buf, uri = open(env.GONGWEN_TEMPLATE)
    local got = wait_diagnostics(uri, function(ds) return #with_code(ds, 'placeholder') > 0 end, 0, 15000)
    local e = published[uri] or {}
    local counts, s = codes_of(e.diagnostics)
    local placeholders = counts['placeholder'] or 0
    check('publishDiagnostics on the template: placeholder diagnostics (100+) and one section-missing',
      got and placeholders >= 100 and counts['section-missing'] == 1,
      string.format('%d notification(s), %d diagnostic(s): %s', e.notifications or 0, #(e.diagnostics or {}), s))
    local heading = line_index(buf, '一、xxxx年工作总结')
    local on_heading = false
    for _, d in ipairs(with_code(e.diagnostics, 'placeholder')) do
      if d.range.start.line == heading and d.range.start.character == 2 and d.range['end'].character == 6 then on_heading = true end
    end
    check('a placeholder diagnostic covers xxxx in 一、xxxx年工作总结', on_heading)
    local r = request(buf, 'workspace/executeCommand', { command = 'gongwen.server.placeholders', arguments = { uri } })
    check('gongwen.server.placeholders counts as many placeholders as the diagnostics', r ~= nil and r.total == placeholders,
      string.format('total %s, diagnostics %d', r and tostring(r.total) or 'nil', placeholders))
  else
    for _, n in ipairs({ 'publishDiagnostics on the template: placeholder diagnostics (100+) and one section-missing',
      'a placeholder diagnostic covers xxxx in 一、xxxx年工作总结', 'gongwen.server.placeholders counts as many placeholders as the diagnostics' }) do
      skip(n, 'corpus file not found: ' .. tostring(env.GONGWEN_TEMPLATE))
    end
  end

  vim.lsp.stop_client(client_id)
  vim.wait(5000, function() return vim.lsp.get_client_by_id(client_id) == nil end, 50)
end

local ok, err = pcall(main)
if not ok then check('the script runs', false, tostring(err)) end
finish()
