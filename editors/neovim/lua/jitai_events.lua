-- JitAi Events language server for Neovim 0.7 and later: starts `dist/server.js --stdio` once per
-- JitAi app (the folder holding app.json, else the file's folder) and attaches every e.json,
-- app.json and Python buffer below it.
--
--   require('jitai_events').setup({ server = '/path/to/jitai-events/dist/server.js' })
--
-- Options: server (path of dist/server.js, required), cmd (overrides {'node', server, '--stdio'}),
-- locale ('en' | 'zh-cn'; default: Neovim's language), exclude (globs), debounce_ms,
-- on_attach (function(client, bufnr)).
local M = {}

local clients = {} -- root folder -> client id

local function is_jitai_file(name)
  return name:match('[/\\]e%.json$') or name:match('[/\\]app%.json$') or name:match('%.py$')
end

-- The nearest folder above `path` that holds an app.json, else the file's own folder.
local function root_of(path)
  local dir = vim.fn.fnamemodify(path, ':p:h')
  local found = vim.fn.findfile('app.json', dir .. ';')
  if found ~= '' then return vim.fn.fnamemodify(found, ':p:h') end
  return dir
end

local function default_locale()
  local lang = (vim.v.lang or ''):lower()
  if lang:match('^zh') then return 'zh-cn' end
  return 'en'
end

local function start(opts, root)
  local id = clients[root]
  if id and vim.lsp.get_client_by_id(id) and not vim.lsp.get_client_by_id(id).is_stopped() then return id end
  id = vim.lsp.start_client({
    name = 'jitai-events',
    cmd = opts.cmd or { 'node', opts.server, '--stdio' },
    root_dir = root,
    workspace_folders = { { uri = vim.uri_from_fname(root), name = vim.fn.fnamemodify(root, ':t') } },
    init_options = {
      locale = opts.locale or default_locale(),
      settings = { exclude = opts.exclude or {}, validation = { debounceMs = opts.debounce_ms or 200 } },
    },
    on_attach = opts.on_attach,
  })
  clients[root] = id
  return id
end

function M.setup(opts)
  opts = opts or {}
  assert(opts.server or opts.cmd, "jitai_events.setup: pass { server = '/path/to/dist/server.js' }")
  local group = vim.api.nvim_create_augroup('jitai_events', { clear = true })
  local function attach(bufnr)
    local name = vim.api.nvim_buf_get_name(bufnr)
    if name == '' or not is_jitai_file(name) then return end
    local id = start(opts, root_of(name))
    if id then vim.lsp.buf_attach_client(bufnr, id) end
  end
  vim.api.nvim_create_autocmd({ 'BufReadPost', 'BufNewFile' }, {
    group = group,
    pattern = { 'e.json', 'app.json', '*.py' },
    callback = function(args) attach(args.buf) end,
  })
  -- Buffers that were already open when setup ran.
  for _, bufnr in ipairs(vim.api.nvim_list_bufs()) do
    if vim.api.nvim_buf_is_loaded(bufnr) then attach(bufnr) end
  end
end

return M
