-- A second real LSP client: Neovim 0.7.2 (Debian's) talks to `node dist/server.js --stdio` about a
-- corpus report. 0.7 has no vim.lsp.start: this uses start_client / buf_attach_client /
-- buf_request_sync and a publishDiagnostics handler.
--
-- Environment (run.sh sets it): GONGWEN_NODE, GONGWEN_SERVER, GONGWEN_DOC, GONGWEN_FINDINGS,
-- GONGWEN_EXPECT_DIAGNOSTICS=1 to require diagnostics (else their count is only recorded).
-- Writes findings to GONGWEN_FINDINGS, ending with `neovim: N passed, M failed, K skipped`, and
-- exits non-zero when a check failed.
local env = vim.env
local node, server, doc, findings_file = env.GONGWEN_NODE or 'node', env.GONGWEN_SERVER, env.GONGWEN_DOC, env.GONGWEN_FINDINGS
local expect_diagnostics = env.GONGWEN_EXPECT_DIAGNOSTICS == '1'

local lines, passed, failed = {}, 0, 0
local function note(s) table.insert(lines, s) end
local function check(name, ok, detail)
  if ok then passed = passed + 1 else failed = failed + 1 end
  note(string.format('%s %s%s', ok and 'ok  ' or 'FAIL', name, detail and ('  (' .. detail .. ')') or ''))
end

local function finish()
  note(string.format('neovim: %d passed, %d failed, 0 skipped', passed, failed))
  local f = io.open(findings_file, 'w')
  if f then f:write(table.concat(lines, '\n') .. '\n'); f:close() end
  if failed > 0 then vim.cmd('cquit 1') else vim.cmd('qall!') end
end

local function flatten(symbols, depth, out)
  for _, s in ipairs(symbols or {}) do
    table.insert(out, string.rep('  ', depth) .. (s.name or '?'))
    flatten(s.children, depth + 1, out)
  end
  return out
end

local function main()
  note('neovim ' .. tostring(vim.version().major) .. '.' .. vim.version().minor .. '.' .. vim.version().patch)
  note('server: ' .. node .. ' ' .. server .. ' --stdio')
  note('document: ' .. doc)
  vim.lsp.set_log_level('warn')

  vim.cmd('edit ' .. vim.fn.fnameescape(doc))
  local bufnr = vim.api.nvim_get_current_buf()
  vim.bo[bufnr].filetype = 'gongwen' -- didOpen's languageId

  local diags = { notifications = 0, count = 0, codes = {} }
  local client_id = vim.lsp.start_client({
    name = 'gongwen',
    cmd = { node, server, '--stdio' },
    root_dir = vim.fn.fnamemodify(doc, ':h'),
    handlers = {
      ['textDocument/publishDiagnostics'] = function(_, result)
        diags.notifications = diags.notifications + 1
        if result and result.uri == vim.uri_from_bufnr(bufnr) then
          diags.count = #(result.diagnostics or {})
          diags.codes = {}
          for _, d in ipairs(result.diagnostics or {}) do diags.codes[tostring(d.code)] = (diags.codes[tostring(d.code)] or 0) + 1 end
        end
      end,
    },
  })
  check('the server starts', client_id ~= nil)
  if not client_id then return end
  vim.lsp.buf_attach_client(bufnr, client_id)
  local up = vim.wait(15000, function()
    local c = vim.lsp.get_client_by_id(client_id)
    return c ~= nil and c.server_capabilities ~= nil and next(c.server_capabilities) ~= nil
  end, 50)
  check('initialize answers with capabilities', up)
  if not up then return end

  local params = { textDocument = vim.lsp.util.make_text_document_params(bufnr) }
  local res = vim.lsp.buf_request_sync(bufnr, 'textDocument/documentSymbol', params, 15000) or {}
  local symbols = res[client_id] and res[client_id].result or {}
  local outline = flatten(symbols, 0, {})
  local found = false
  for _, n in ipairs(outline) do if n:find('2022年工作回顾', 1, true) then found = true end end
  check('documentSymbol is non-empty', #outline > 0, #outline .. ' symbols')
  check('documentSymbol contains 2022年工作回顾', found)
  note('--- outline ---')
  for _, n in ipairs(outline) do note('  ' .. n) end

  res = vim.lsp.buf_request_sync(bufnr, 'textDocument/foldingRange', params, 15000) or {}
  local ranges = res[client_id] and res[client_id].result or {}
  check('foldingRange is non-empty', #ranges > 0, #ranges .. ' ranges')

  -- Diagnostics are pushed; give the server a moment after didOpen.
  vim.wait(5000, function() return diags.notifications > 0 end, 50)
  local codes = {}
  for code, n in pairs(diags.codes) do table.insert(codes, code .. '=' .. n) end
  table.sort(codes)
  local detail = string.format('%d publishDiagnostics notification(s), %d diagnostic(s)%s', diags.notifications, diags.count,
    #codes > 0 and (': ' .. table.concat(codes, ', ')) or '')
  if expect_diagnostics then
    check('publishDiagnostics arrives with diagnostics', diags.count > 0, detail)
  else
    check('publishDiagnostics count >= 0 (recorded only)', diags.count >= 0, detail)
  end

  vim.lsp.stop_client(client_id)
  vim.wait(5000, function() return vim.lsp.get_client_by_id(client_id) == nil end, 50)
end

local ok, err = pcall(main)
if not ok then check('the script runs', false, tostring(err)) end
finish()
