-- A realistic query mix for wrk: API searches (words, names in other cases,
-- phrases, operators, prefixes, filters, pages), article views, HTML pages
-- and the health check, rotated per thread from a random start.
local queries = {
  "Россия", "Кыргызстан", "президент", "Лавров", "Лаврова", "Казакбаев", "министр иностранных дел",
  "«стратегического партнерства»", "экономика OR торговля", "Бишкек -Москва", "интеграц*", "title:Россия",
  "source:Sputnik", "place:Бишкек", "date:2019..2021", "Путин Жапаров", "Lavrov", "переговоры", "выборы",
  "ёлка", "ЕАЭС", "таможенный союз", "NOT Москва Бишкек", "(Россия OR Казахстан) AND экономика",
  "визит президента", "соглашение о сотрудничестве", "нефть газ", "безопасность", "образование", "здравоохранение",
}

local function encode(s)
  return (s:gsub("[^%w%-%._~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

local paths = {}
for i, q in ipairs(queries) do
  paths[#paths + 1] = "/api/search?q=" .. encode(q)
  if i % 3 == 0 then paths[#paths + 1] = "/api/search?q=" .. encode(q) .. "&limit=20&offset=10" end
  if i % 5 == 0 then paths[#paths + 1] = "/search?q=" .. encode(q) end
end
paths[#paths + 1] = "/healthz"
paths[#paths + 1] = "/"

local counter = 0
function setup(thread)
  counter = counter + 1
  thread:set("start", counter * 7)
end

local i = 0
function init(args)
  i = start or math.random(#paths)
end

function request()
  i = i + 1
  return wrk.format("GET", paths[(i % #paths) + 1])
end
