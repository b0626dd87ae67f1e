-- Drives Neovim's own LSP client against the JitAi Events server and writes what it observed as
-- JSON (test/neovim/neovim.test.ts asserts on it). Runs headless:
--   JITAI_NVIM_SETUP=<lua file with the README snippet> JITAI_NVIM_APP=<app copy> JITAI_NVIM_OUT=<json>
--   JITAI_NVIM_MODE=full|diagnostics nvim --headless -u NONE -i NONE -n -c 'luafile test/neovim/driver.lua'
local app = assert(os.getenv('JITAI_NVIM_APP'), 'JITAI_NVIM_APP')
local out_path = assert(os.getenv('JITAI_NVIM_OUT'), 'JITAI_NVIM_OUT')
local mode = os.getenv('JITAI_NVIM_MODE') or 'full'
local TIMEOUT = tonumber(os.getenv('JITAI_NVIM_TIMEOUT_MS') or '20000')

local result = { mode = mode, nvim = tostring(vim.version().major) .. '.' .. tostring(vim.version().minor), steps = {} }

local function write_result()
  local f = assert(io.open(out_path, 'w'))
  f:write(vim.fn.json_encode(result))
  f:close()
end

local function rel(uri)
  local fname = vim.uri_to_fname(uri)
  return fname:sub(#app + 2)
end

local function open(relpath)
  vim.cmd('edit ' .. vim.fn.fnameescape(app .. '/' .. relpath))
  return vim.api.nvim_get_current_buf()
end

local function client()
  for _, c in pairs(vim.lsp.get_active_clients()) do
    if c.name == 'jitai-events' then return c end
  end
end

-- Puts the cursor on the first occurrence of `needle` in the buffer, `delta` bytes into it.
local function cursor_on(bufnr, needle, delta)
  local lines = vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)
  for i, line in ipairs(lines) do
    local s = line:find(needle, 1, true)
    if s then
      vim.api.nvim_win_set_cursor(0, { i, s - 1 + (delta or 0) })
      return true
    end
  end
  error('not found in buffer: ' .. needle)
end

local function request(bufnr, method, params)
  local res, err = vim.lsp.buf_request_sync(bufnr, method, params, TIMEOUT)
  if not res then return { error = tostring(err) } end
  for _, r in pairs(res) do
    if r.error then return { error = r.error.message or vim.inspect(r.error) } end
    return { result = r.result }
  end
  return { error = 'no response' }
end

local function diagnostics_of(relpath)
  local bufnr = vim.uri_to_bufnr(vim.uri_from_fname(app .. '/' .. relpath))
  local out = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    table.insert(out, { lnum = d.lnum, col = d.col, end_col = d.end_col, severity = d.severity, message = d.message,
      code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code) })
  end
  return out
end

local function step(name, fn)
  local ok, value = pcall(fn)
  if ok then result.steps[name] = value else result.steps[name] = { error = tostring(value) } end
end

local ok, err = pcall(function()
  dofile(assert(os.getenv('JITAI_NVIM_SETUP'), 'JITAI_NVIM_SETUP'))

  local sub = open('events/NotifySalesOnProcessed/e.json')
  assert(vim.wait(TIMEOUT, function() return client() ~= nil and client().initialized end, 50), 'the server did not start')
  result.attached = #vim.lsp.buf_get_clients(sub) > 0

  -- Problems of files never opened arrive from the first index.
  local expected = { 'services/MistakesDemoService/service.py', 'events/deliberateMistakes/TypoSender/e.json' }
  vim.wait(TIMEOUT, function()
    for _, f in ipairs(expected) do if #diagnostics_of(f) == 0 then return false end end
    return true
  end, 50)
  result.diagnostics = {}
  for _, f in ipairs(expected) do result.diagnostics[f] = diagnostics_of(f) end
  result.diagnostics['events/CjkTypo/e.json'] = diagnostics_of('events/CjkTypo/e.json')
  if mode == 'diagnostics' then return end

  step('completion', function()
    local b = open('events/deliberateMistakes/TypoSender/e.json')
    cursor_on(b, 'CustomerBatchService.', #'CustomerBatchService.')
    local r = request(b, 'textDocument/completion', vim.lsp.util.make_position_params())
    if r.error then return r end
    local items = r.result and (r.result.items or r.result) or {}
    local labels = {}
    for _, it in ipairs(items) do table.insert(labels, it.label) end
    return { labels = labels }
  end)

  -- Go to definition from `needle` in a file: the targets as { file, line }.
  local function definition_from(file, needle)
    local b = open(file)
    cursor_on(b, needle, 3)
    local r = request(b, 'textDocument/definition', vim.lsp.util.make_position_params())
    if r.error then return r end
    local locs = r.result
    if locs.uri then locs = { locs } end
    local out = {}
    for _, l in ipairs(locs) do table.insert(out, { file = rel(l.uri or l.targetUri), line = (l.range or l.targetSelectionRange).start.line }) end
    return out
  end
  step('definition', function() return definition_from('events/NotifySalesOnProcessed/e.json', 'dataProcessed') end)
  step('definitionAfterCjk', function() return definition_from('events/CjkEvent/e.json', 'dataProcessed') end)

  step('hover', function()
    local b = open('events/NotifySalesOnProcessed/e.json')
    cursor_on(b, 'dataProcessed', 3)
    local r = request(b, 'textDocument/hover', vim.lsp.util.make_position_params())
    if r.error then return r end
    local c = r.result and r.result.contents
    return { text = type(c) == 'table' and (c.value or vim.inspect(c)) or tostring(c) }
  end)

  step('references', function()
    local b = open('events/NotifySalesOnProcessed/e.json')
    cursor_on(b, 'dataProcessed', 3)
    local params = vim.lsp.util.make_position_params()
    params.context = { includeDeclaration = true }
    local r = request(b, 'textDocument/references', params)
    if r.error then return r end
    local out = {}
    for _, l in ipairs(r.result or {}) do table.insert(out, rel(l.uri)) end
    table.sort(out)
    return out
  end)

  step('codeAction', function()
    local path = 'events/deliberateMistakes/TypoSender/e.json'
    local b = open(path)
    cursor_on(b, 'dataProcesed', 2)
    -- What vim.lsp.buf.code_action() sends: the line's diagnostics converted back to LSP form.
    local diags = vim.lsp.diagnostic.get_line_diagnostics(b)
    local params = vim.lsp.util.make_range_params()
    params.context = { diagnostics = diags }
    local r = request(b, 'textDocument/codeAction', params)
    if r.error then return r end
    local titles = {}
    for _, a in ipairs(r.result or {}) do table.insert(titles, a.title) end
    local first = (r.result or {})[1]
    if first and first.edit then vim.lsp.util.apply_workspace_edit(first.edit, 'utf-16') end
    return { titles = titles, lineAfter = vim.api.nvim_buf_get_lines(b, 3, 4, false)[1] }
  end)

  step('rename', function()
    local b = open('events/NotifySalesOnProcessed/e.json')
    cursor_on(b, 'dataProcessed', 3)
    local params = vim.lsp.util.make_position_params()
    params.newName = 'dataDone'
    local r = request(b, 'textDocument/rename', params)
    if r.error then return r end
    local files = {}
    for uri, _ in pairs(r.result.changes or {}) do table.insert(files, rel(uri)) end
    for _, dc in ipairs(r.result.documentChanges or {}) do table.insert(files, rel(dc.textDocument.uri)) end
    table.sort(files)
    vim.lsp.util.apply_workspace_edit(r.result, 'utf-16')
    local py = vim.uri_to_bufnr(vim.uri_from_fname(app .. '/services/CustomerBatchService/service.py'))
    vim.fn.bufload(py)
    local pytext = table.concat(vim.api.nvim_buf_get_lines(py, 0, -1, false), '\n')
    return { files = files, pyHasNewName = pytext:find('CustomerBatchService.dataDone', 1, true) ~= nil }
  end)

  -- Neovim declares no commands: the server must offer no lens it would answer with
  -- "Language server does not support command" (the Run lens, the count lenses).
  step('codeLens', function()
    local out = {}
    for _, f in ipairs({ 'events/ArchiveStatistics/inner.py', 'events/NotifySalesOnProcessed/e.json', 'services/CustomerBatchService/e.json' }) do
      local b = open(f)
      local r = request(b, 'textDocument/codeLens', { textDocument = { uri = vim.uri_from_bufnr(b) } })
      if r.error then return r end
      local lenses = {}
      for _, l in ipairs(r.result or {}) do table.insert(lenses, { line = l.range.start.line, command = l.command and l.command.command or '' }) end
      out[f] = lenses
    end
    return out
  end)

  -- A file written behind the editor's back (no didChangeWatchedFiles from this client).
  step('diskChange', function()
    local dir = app .. '/events/WrittenOnDisk'
    vim.fn.mkdir(dir, 'p')
    local f = assert(io.open(dir .. '/e.json', 'w'))
    f:write('{\n  "type": "events.NormalType",\n  "backendBundleEntry": ".",\n  "title": "Written on disk",\n  "sender": "services.CustomerBatchService.noSuchEvent",\n  "funcType": "Global",\n  "func": "services.NotifyService.notifySales"\n}\n')
    f:close()
    local t0 = vim.loop.hrtime()
    vim.wait(TIMEOUT, function() return #diagnostics_of('events/WrittenOnDisk/e.json') > 0 end, 50)
    return { diagnostics = diagnostics_of('events/WrittenOnDisk/e.json'), ms = (vim.loop.hrtime() - t0) / 1e6 }
  end)
end)

if not ok then result.error = tostring(err) end
write_result()
vim.cmd('qa!')
