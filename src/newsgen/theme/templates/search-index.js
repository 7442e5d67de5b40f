window.NEWSGEN_SEARCH = {% for piece in search_json(articles, speakers) %}{{ piece }}{% endfor %};
