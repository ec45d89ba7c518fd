-- Drives the language server from Neovim's own LSP client, headless, as a Neovim user would use it:
-- open the notes, wait for the diagnostics, read the lenses, run "Mark complete" and hover a date.
-- Written for Neovim 0.7+ (vim.lsp.start_client). Input and output through the environment:
-- NOTES (file to open), SERVER (dist/server.js), TODAY (pinned date), OUT (JSON written here).
local out = { steps = {} }
local function finish()
  vim.fn.writefile({ vim.fn.json_encode(out) }, os.getenv('OUT'))
  vim.cmd('qa!')
end
local function fail(message)
  out.error = message
  finish()
end

local ok, err = pcall(function()
  vim.cmd('edit ' .. vim.fn.fnameescape(os.getenv('NOTES')))
  local buf = vim.api.nvim_get_current_buf()
  local uri = vim.uri_from_bufnr(buf)
  local id = vim.lsp.start_client({
    name = 'meeting-notes',
    cmd = { 'node', os.getenv('SERVER'), '--stdio' },
    root_dir = vim.fn.fnamemodify(os.getenv('NOTES'), ':h'),
    init_options = { today = os.getenv('TODAY') },
  })
  if not id then return fail('the language server did not start') end
  vim.lsp.buf_attach_client(buf, id)
  local client = vim.lsp.get_client_by_id(id)

  if not vim.wait(30000, function() return #vim.diagnostic.get(buf) > 0 end, 50) then return fail('no diagnostics within 30 s') end
  out.diagnostics = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    table.insert(out.diagnostics, { line = d.lnum + 1, column = d.col + 1, severity = d.severity, code = d.code })
  end

  local lenses = client.request_sync('textDocument/codeLens', { textDocument = { uri = uri } }, 10000, buf)
  if not lenses or lenses.err then return fail('codeLens failed') end
  out.lenses = {}
  local complete
  for _, lens in ipairs(lenses.result or {}) do
    if lens.range.start.line == 110 and lens.command then
      table.insert(out.lenses, lens.command.title)
      if lens.command.title == 'Mark complete' then complete = lens.command end
    end
  end
  if not complete then return fail('no "Mark complete" lens on line 111') end

  -- The server answers with workspace/applyEdit, which Neovim applies to the buffer.
  client.request_sync('workspace/executeCommand', { command = complete.command, arguments = complete.arguments }, 10000, buf)
  if not vim.wait(10000, function() return vim.api.nvim_buf_get_lines(buf, 110, 111, false)[1]:find('[x]', 1, true) ~= nil end, 50) then
    return fail('line 111 was not marked complete')
  end
  out.after = { vim.api.nvim_buf_get_lines(buf, 110, 111, false)[1], vim.api.nvim_buf_get_lines(buf, 117, 118, false)[1] }
  out.lineCount = vim.api.nvim_buf_line_count(buf)

  local line108 = vim.api.nvim_buf_get_lines(buf, 107, 108, false)[1]
  local hover = client.request_sync('textDocument/hover', { textDocument = { uri = uri }, position = { line = 107, character = line108:find('Tomorrow', 1, true) } }, 10000, buf)
  out.hover = hover and hover.result and hover.result.contents and hover.result.contents.value or nil
  finish()
end)
if not ok then fail(tostring(err)) end
