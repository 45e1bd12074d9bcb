-- Gongwen (公文) for Neovim 0.7 and newer: the `gongwen` filetype and the language server.
--
-- In your init.lua (after `npm ci && npm run build` in the gongwen folder):
--
--   dofile('/path/to/gongwen/editors/neovim/gongwen.lua').setup()
--
-- or, in init.vim:  lua dofile('/path/to/gongwen/editors/neovim/gongwen.lua').setup()
--
-- What it does:
--   * `.gongwen` files get the `gongwen` filetype; so does a `.txt` file whose first lines look
--     like a report (a short title line such as `青石镇2024年政府工作报告`, or `各位代表：`).
--     `:set filetype=gongwen` switches any other buffer.
--   * Every `gongwen` buffer is attached to `node <gongwen>/dist/server.js --stdio` (one server per
--     root folder: the folder holding `.gongwen.json`, else the current directory). Diagnostics,
--     document symbols, code actions, completion and hover then work through Neovim's LSP client.
--   * The server answers in Chinese when $LC_ALL / $LC_MESSAGES / $LANG is zh_* (it reads the
--     environment Neovim starts it in).
--
-- Options (all optional): setup({
--   cmd = { 'node', '/path/to/dist/server.js', '--stdio' },  -- default: this repository's dist/
--   settings = { rules = { ['halfwidth-punctuation'] = 'off' } }, -- as in .gongwen.json
--   detect_txt = true,                                        -- switch report-looking .txt files
-- })
--
-- Neovim 0.8+ starts the client with vim.lsp.start (which reuses a running client); 0.7 has no
-- vim.lsp.start, so there one client per root is started with vim.lsp.start_client and every
-- buffer attached to it with vim.lsp.buf_attach_client.
local M = {}

-- This file is <repo>/editors/neovim/gongwen.lua: the server is <repo>/dist/server.js.
local this_file = debug.getinfo(1, 'S').source:gsub('^@', '')
local repo = vim.fn.fnamemodify(this_file, ':p:h:h:h')

M.options = {
  cmd = { 'node', repo .. '/dist/server.js', '--stdio' },
  settings = {},
  detect_txt = true,
}

-- Title words that name a work report, as the extension's own detection uses them.
local TITLE_WORDS = { '政府工作报告', '工作报告', '工作总结', '工作计划', '工作要点', '工作思路', '工作打算', '工作安排', '述职报告', '述职述廉报告' }

--- Whether the buffer's first lines look like a report: a short line with a title word, or the
--- salutation 各位代表： near 政府工作.
--- Example: a buffer starting `横沥镇2023年政府工作报告` → true.
function M.looks_like_report(bufnr)
  local lines = vim.api.nvim_buf_get_lines(bufnr, 0, 30, false)
  local seen = 0
  for _, line in ipairs(lines) do
    line = vim.trim(line)
    if line ~= '' then
      seen = seen + 1
      if seen > 12 then break end
      if vim.fn.strchars(line) <= 60 then
        for _, word in ipairs(TITLE_WORDS) do
          if line:find(word, 1, true) then return true end
        end
      end
    end
  end
  local head = table.concat(lines, '\n')
  return head:find('各位代表：', 1, true) ~= nil and (head:find('政府工作', 1, true) ~= nil or head:find('向大会报告', 1, true) ~= nil)
end

--- The root folder of a buffer: where the nearest .gongwen.json is, else the current directory.
local function root_of(bufnr)
  local dir = vim.fn.fnamemodify(vim.api.nvim_buf_get_name(bufnr), ':p:h')
  local found = vim.fn.findfile('.gongwen.json', dir .. ';')
  if found ~= '' then return vim.fn.fnamemodify(found, ':p:h') end
  return vim.fn.getcwd()
end

local function client_config(root)
  -- An empty Lua table would be sent as a JSON array; the server expects an object.
  local settings = vim.tbl_isempty(M.options.settings) and vim.empty_dict() or M.options.settings
  return {
    name = 'gongwen',
    cmd = M.options.cmd,
    -- glibc then gives the buffers of large messages back to the system (20-40 MB of the server's
    -- memory with a 10 MB document open; docs/perf-memory.md). Other C libraries ignore it.
    cmd_env = { MALLOC_MMAP_THRESHOLD_ = '131072' },
    root_dir = root,
    -- workspace/configuration (section `gongwen`) is answered from `settings`.
    settings = { gongwen = settings },
    init_options = { settings = settings },
  }
end

local clients_by_root = {} -- Neovim 0.7 only

--- Attaches the gongwen server to a buffer (starting it when none runs for the buffer's root).
function M.attach(bufnr)
  bufnr = (bufnr == nil or bufnr == 0) and vim.api.nvim_get_current_buf() or bufnr
  local root = root_of(bufnr)
  if vim.lsp.start then
    return vim.lsp.start(client_config(root), { bufnr = bufnr })
  end
  local id = clients_by_root[root]
  -- (0.7's client_is_stopped is true until the handshake ends, so ask the client itself.)
  local client = id and vim.lsp.get_client_by_id(id)
  if client == nil or client.is_stopped() then
    id = vim.lsp.start_client(client_config(root))
    clients_by_root[root] = id
  end
  if id then vim.lsp.buf_attach_client(bufnr, id) end
  return id
end

function M.setup(opts)
  M.options = vim.tbl_deep_extend('force', M.options, opts or {})
  local group = vim.api.nvim_create_augroup('gongwen', { clear = true })
  vim.api.nvim_create_autocmd({ 'BufRead', 'BufNewFile' }, {
    group = group,
    pattern = '*.gongwen',
    command = 'setfiletype gongwen',
  })
  if M.options.detect_txt then
    vim.api.nvim_create_autocmd('BufRead', {
      group = group,
      pattern = '*.txt',
      callback = function(args)
        if M.looks_like_report(args.buf) then vim.bo[args.buf].filetype = 'gongwen' end
      end,
    })
  end
  vim.api.nvim_create_autocmd('FileType', {
    group = group,
    pattern = 'gongwen',
    callback = function(args)
      -- Long paragraphs: wrap at word boundaries, which for Chinese is any character.
      vim.wo.wrap = true
      vim.wo.linebreak = false
      M.attach(args.buf)
    end,
  })
  return M
end

return M
