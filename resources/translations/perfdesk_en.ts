<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name></name>
    <message>
        <source>修改“%1”</source>
        <translation>Change “%1”</translation>
    </message>
    <message>
        <source>添加年度主要任务</source>
        <translation>Add a main task</translation>
    </message>
    <message>
        <source>删除 %1 条年度主要任务</source>
        <translation>Delete %1 main tasks</translation>
    </message>
    <message>
        <source>新建指标</source>
        <translation>New indicator</translation>
    </message>
    <message>
        <source>添加 %1 个指标</source>
        <translation>Add %1 indicators</translation>
    </message>
    <message>
        <source>删除指标</source>
        <translation>Delete indicator</translation>
    </message>
    <message>
        <source>删除 %1 个指标</source>
        <translation>Delete %1 indicators</translation>
    </message>
    <message>
        <source>移动指标</source>
        <translation>Move indicator</translation>
    </message>
    <message>
        <source>新建项目</source>
        <translation>New project</translation>
    </message>
    <message>
        <source>删除项目</source>
        <translation>Delete project</translation>
    </message>
    <message>
        <source>删除 %1 个项目</source>
        <translation>Delete %1 projects</translation>
    </message>
    <message>
        <source>移动项目</source>
        <translation>Move project</translation>
    </message>
    <message>
        <source>导入 %1 个项目（替换 %2 个）</source>
        <translation>Import %1 projects (replacing %2)</translation>
    </message>
    <message>
        <source>导入 %1 个项目</source>
        <translation>Import %1 projects</translation>
    </message>
    <message>
        <source>新建预算单位</source>
        <translation>New budget unit</translation>
    </message>
    <message>
        <source>重命名主管部门</source>
        <translation>Rename department</translation>
    </message>
    <message>
        <source>重命名预算单位</source>
        <translation>Rename budget unit</translation>
    </message>
    <message>
        <source>删除主管部门</source>
        <translation>Delete department</translation>
    </message>
    <message>
        <source>删除预算单位</source>
        <translation>Delete budget unit</translation>
    </message>
    <message>
        <source>修改数据文件属性</source>
        <translation>Change dataset properties</translation>
    </message>
    <message>
        <source>自动修正：%1</source>
        <translation>Auto-fix: %1</translation>
    </message>
    <message>
        <source>添加审核意见</source>
        <translation>Add review comment</translation>
    </message>
    <message>
        <source>添加 %1 条审核意见</source>
        <translation>Add %1 review comments</translation>
    </message>
    <message>
        <source>答复审核意见</source>
        <translation>Answer review comment</translation>
    </message>
    <message>
        <source>重新打开审核意见</source>
        <translation>Reopen review comment</translation>
    </message>
    <message>
        <source>关闭审核意见</source>
        <translation>Close review comment</translation>
    </message>
    <message>
        <source>删除审核意见</source>
        <translation>Delete review comment</translation>
    </message>
    <message>
        <source>接收 %1 份报送</source>
        <translation>Receive %1 submissions</translation>
    </message>
    <message>
        <source>一级指标：%1。</source>
        <translation>Level-1 categories: %1. </translation>
    </message>
    <message>
        <source>%1年绩效目标</source>
        <translation>Performance targets %1</translation>
    </message>
    <message>
        <source>选择保存位置</source>
        <translation>Choose where to save</translation>
    </message>
    <message>
        <source>填写预算单位时也需要填写主管部门。</source>
        <translation>A budget unit needs its department.</translation>
    </message>
    <message>
        <source>请填写文件名。</source>
        <translation>Enter a file name.</translation>
    </message>
    <message>
        <source>文件名不能包含 \ / : * ? &quot; &lt; &gt; | 等字符。</source>
        <translation>A file name cannot contain \ / : * ? &quot; &lt; &gt; |.</translation>
    </message>
    <message>
        <source>请选择保存位置。</source>
        <translation>Choose where to save the file.</translation>
    </message>
    <message>
        <source>这个位置在 U 盘或网络共享上，数据文件请保存在本机（例如“文档/PerfDesk”）。需要带走或报送时，请导出 Excel 或 PDF 文件。</source>
        <translation>This folder is on a USB stick or a network share; keep the dataset on this computer (e.g. Documents/PerfDesk). To take it along or hand it in, export Excel or PDF files.</translation>
    </message>
    <message>
        <source>该位置已有同名文件，请换一个文件名。</source>
        <translation>A file with this name already exists there; choose another name.</translation>
    </message>
    <message>
        <source>该主管部门下已有同名的预算单位。</source>
        <translation>This department already has a budget unit with that name.</translation>
    </message>
    <message>
        <source>更换指标体系后，所有项目会按新体系重新检查；已填的一级/二级指标不会被改动。</source>
        <translation> After changing the profile every project is checked against it again; the level-1/level-2 categories already entered are not changed.</translation>
    </message>
    <message>
        <source>至少需要一个定性等级。</source>
        <translation>At least one grade is needed.</translation>
    </message>
    <message>
        <source>使用说明</source>
        <translation>User guide</translation>
    </message>
    <message>
        <source>&lt;h3&gt;PerfDesk 怎么用&lt;/h3&gt;&lt;p&gt;&lt;b&gt;1. 建立数据文件。&lt;/b&gt;每个预算年度一个数据文件（文件 → 新建数据文件），默认保存在“文档/PerfDesk”中。已有的绩效目标表可以用“导入已有表格”读进来。&lt;/p&gt;&lt;p&gt;&lt;b&gt;2. 填写项目。&lt;/b&gt;左侧是 主管部门 → 预算单位 → 项目。按 Ctrl+N 新建项目，在右侧表单中填写项目名称、属性、项目期、资金和年度目标。资金只接受最多两位小数的金额，年度资金总额会随财政拨款和其他资金自动合计。&lt;/p&gt;&lt;p&gt;&lt;b&gt;3. 填写指标。&lt;/b&gt;按 Ctrl+I 新建一行指标。一级、二级指标从下拉列表中选择；三级指标输入关键字即可从常用指标库中选择。指标值可以直接输入“≥95%”或“不低于95%”，程序会自动拆分为计算符号、数值和计量单位。Enter 确认并移到下一格，Alt+↑/↓ 调整顺序。&lt;/p&gt;&lt;p&gt;&lt;b&gt;4. 看检查结果。&lt;/b&gt;每次修改后立即检查。有问题的字段带红色（错误）或橙色（警告）边框，鼠标停留可看到问题和改法；右侧“检查结果”列出全部问题，双击或按 F8 跳到字段，可自动修正的问题点一下修正按钮即可（可撤销）。&lt;/p&gt;&lt;p&gt;&lt;b&gt;5. 不会丢失。&lt;/b&gt;每处修改立即保存到数据文件，没有“保存”按钮；Ctrl+Z 撤销，Ctrl+Y 重做。U 盘或网络共享上的数据文件会先复制到本机再打开。&lt;/p&gt;&lt;p&gt;&lt;b&gt;6. 导出和打印。&lt;/b&gt;导出菜单可以生成公开格式的绩效目标表和每个项目一页的申报表（Excel），以及用于签字盖章的 PDF。&lt;/p&gt;</source>
        <translation>&lt;h3&gt;How to use PerfDesk&lt;/h3&gt;&lt;p&gt;&lt;b&gt;1. Make a dataset.&lt;/b&gt; One dataset per budget year (File → New dataset), saved in Documents/PerfDesk. Tables you already have can be read in with Import a table.&lt;/p&gt;&lt;p&gt;&lt;b&gt;2. Fill in projects.&lt;/b&gt; On the left: department → budget unit → project. Ctrl+N adds a project; fill in its name, type, period, funds and annual goal on the right. Amounts take at most two decimals; the annual total follows the fiscal allocation plus other funds.&lt;/p&gt;&lt;p&gt;&lt;b&gt;3. Fill in indicators.&lt;/b&gt; Ctrl+I adds an indicator row. Pick level 1 and level 2 from the lists; type a keyword in the indicator column to choose from the library of common indicators. Type the target as ≥95% or 不低于95% and PerfDesk splits it into comparator, number and unit. Enter confirms and moves on; Alt+↑/↓ reorders.&lt;/p&gt;&lt;p&gt;&lt;b&gt;4. Read the checks.&lt;/b&gt; Every change is checked at once. A field with a problem has a red (error) or orange (warning) border; hover over it to read the problem and the fix. Check results on the right lists them all: double-click or press F8 to go to the field, and click the fix button where an auto-fix exists (it can be undone).&lt;/p&gt;&lt;p&gt;&lt;b&gt;5. Nothing is lost.&lt;/b&gt; Every change is saved to the dataset at once; there is no Save button. Ctrl+Z undoes, Ctrl+Y redoes. A dataset on a USB stick or a network share is copied to this computer before it is opened.&lt;/p&gt;&lt;p&gt;&lt;b&gt;6. Export and print.&lt;/b&gt; The Export menu writes the published table and the detailed form (one sheet per project) as Excel, and the detailed form as PDF for signing and stamping.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>第 %1 行 %2</source>
        <translation>Row %1 %2</translation>
    </message>
    <message>
        <source>问题</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>项目</source>
        <translation>Project</translation>
    </message>
    <message>
        <source>修正</source>
        <translation>Fix</translation>
    </message>
    <message>
        <source>检查结果</source>
        <translation>Check results</translation>
    </message>
    <message>
        <source>%1 错误</source>
        <extracomment>whether hints are counted too (a Qt property, so Designer files can set it)</extracomment>
        <translation>%1 errors</translation>
    </message>
    <message>
        <source>%1 警告</source>
        <translation>%1 warnings</translation>
    </message>
    <message>
        <source>%1 提示</source>
        <translation>%1 hints</translation>
    </message>
    <message>
        <source>%1：%2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>双击问题（或按 F8）跳到出问题的字段。</source>
        <translation>Double-click a problem (or press F8) to go to its field.</translation>
    </message>
    <message>
        <source>选择一个项目查看它的问题，或在上方选择“全部项目”。</source>
        <translation>Select a project to see its problems, or choose All projects above.</translation>
    </message>
    <message>
        <source>正在检查…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <source>没有发现问题。</source>
        <translation>No problems found.</translation>
    </message>
    <message>
        <source>可自动修正：%1</source>
        <translation>Auto-fix available: %1</translation>
    </message>
    <message>
        <source>指标值：%1</source>
        <translation>Target: %1</translation>
    </message>
    <message>
        <source>审核意见：%1（%2）</source>
        <translation>Review comment: %1 (%2)</translation>
    </message>
    <message>
        <source>导入时写作：%1</source>
        <translation>Written on import as: %1</translation>
    </message>
    <message>
        <source>导入原文：%1</source>
        <translation>Imported text: %1</translation>
    </message>
    <message>
        <source>来源：%1</source>
        <translation>Source: %1</translation>
    </message>
    <message>
        <source>显示检查结果</source>
        <translation>Show check results</translation>
    </message>
    <message>
        <source>查找项目、单位或问题 (Ctrl+F)</source>
        <translation>Find project, unit or problem (Ctrl+F)</translation>
    </message>
    <message>
        <source>无法打开数据文件</source>
        <translation>Cannot open the dataset</translation>
    </message>
    <message>
        <source>U 盘等可移动磁盘</source>
        <translation>a removable drive (USB stick)</translation>
    </message>
    <message>
        <source>网络共享</source>
        <translation>a network share</translation>
    </message>
    <message>
        <source>已复制到本机</source>
        <translation>Copied to this computer</translation>
    </message>
    <message>
        <source>“%1”位于%2上。直接在上面修改，拔出或断网时文件可能损坏，因此已把它复制到本机：

%3

之后的修改都保存在这个副本中。需要带走时，请把它复制回 U 盘。</source>
        <translation>“%1” is on %2. Working on it there could damage it when the drive is pulled out or the network drops, so it was copied to this computer:

%3

From now on your changes are saved in this copy. Copy it back to the USB stick when you need to take it with you.</translation>
    </message>
    <message>
        <source>数据文件正在使用</source>
        <translation>Dataset in use</translation>
    </message>
    <message>
        <source>以只读方式打开</source>
        <translation>Open read-only</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>数据文件已升级到新版本，原文件备份在 %1</source>
        <translation>The dataset was upgraded to the new version; the original is backed up at %1</translation>
    </message>
    <message>
        <source>无法新建数据文件</source>
        <translation>Cannot create the dataset</translation>
    </message>
    <message>
        <source>预算单位“%1”：%2 个项目。</source>
        <translation>Budget unit “%1”: %2 projects.</translation>
    </message>
    <message>
        <source>按 Ctrl+N 在此单位下新建项目。</source>
        <translation>Press Ctrl+N to add a project to this unit.</translation>
    </message>
    <message>
        <source>主管部门“%1”。
选择一个预算单位或项目，或在“项目”菜单中新建预算单位。</source>
        <translation>Department “%1”.
Select a budget unit or a project, or add a budget unit from the Project menu.</translation>
    </message>
    <message>
        <source>在左侧选择一个项目，或按 Ctrl+N 新建项目。</source>
        <translation>Select a project on the left, or press Ctrl+N for a new one.</translation>
    </message>
    <message>
        <source>主管部门</source>
        <translation>Department</translation>
    </message>
    <message>
        <source>预算单位</source>
        <translation>Budget unit</translation>
    </message>
    <message>
        <source>删除%1</source>
        <translation>Delete %1</translation>
    </message>
    <message>
        <source>“%1”下有 %2 个项目，将一并删除（可以撤销）。确定删除吗？</source>
        <translation>“%1” holds %2 projects; they will be deleted with it (this can be undone). Delete?</translation>
    </message>
    <message>
        <source>清除 %1 个单元格</source>
        <translation>Clear %1 cells</translation>
    </message>
    <message>
        <source>位置：%1</source>
        <translation>Where: %1</translation>
    </message>
    <message>
        <source>（自己填写）</source>
        <translation>(write your own)</translation>
    </message>
    <message>
        <source>答复（必填）：</source>
        <translation>Reply (required):</translation>
    </message>
    <message>
        <source>答复（可不填）：</source>
        <translation>Reply (optional):</translation>
    </message>
    <message>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>新建</source>
        <translation>Created</translation>
    </message>
    <message>
        <source>修改</source>
        <translation>Changed</translation>
    </message>
    <message>
        <source>移动</source>
        <translation>Moved</translation>
    </message>
    <message>
        <source>没有修改记录。</source>
        <translation>No changes recorded.</translation>
    </message>
    <message>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>用户</source>
        <translation>User</translation>
    </message>
    <message>
        <source>操作</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>字段</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>原值</source>
        <translation>Old value</translation>
    </message>
    <message>
        <source>新值</source>
        <translation>New value</translation>
    </message>
    <message>
        <source>界面语言</source>
        <translation>Interface language</translation>
    </message>
    <message>
        <source>新的界面语言将在重新启动 PerfDesk 后生效。</source>
        <translation>The new interface language takes effect when PerfDesk is restarted.</translation>
    </message>
    <message>
        <source>粘贴 %1 个指标</source>
        <translation>Paste %1 indicators</translation>
    </message>
    <message>
        <source>打印 / PDF</source>
        <translation>Print / PDF</translation>
    </message>
    <message>
        <source>还没有项目，没有可以打印的内容。</source>
        <translation>There are no projects yet, so there is nothing to print.</translation>
    </message>
    <message>
        <source>要生成哪些项目的申报表？</source>
        <translation>Which projects should the form be made for?</translation>
    </message>
    <message>
        <source>全部 %1 个项目</source>
        <translation>All %1 projects</translation>
    </message>
    <message>
        <source>当前项目</source>
        <translation>Current project</translation>
    </message>
    <message>
        <source>%1年项目支出绩效目标申报表</source>
        <translation>Project performance target forms %1</translation>
    </message>
    <message>
        <source>申报表</source>
        <translation>Form</translation>
    </message>
    <message>
        <source>保存申报表 PDF</source>
        <translation>Save the form as PDF</translation>
    </message>
    <message>
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <source>正在生成申报表 PDF…</source>
        <translation>Writing the form as PDF…</translation>
    </message>
    <message>
        <source>导入</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>正在读取表格…</source>
        <translation>Reading the tables…</translation>
    </message>
    <message>
        <source>正在导入…</source>
        <translation>Importing…</translation>
    </message>
    <message>
        <source>已导入 %1 个项目、%2 个指标（可以撤销）。</source>
        <translation>Imported %1 projects and %2 indicators (can be undone).</translation>
    </message>
    <message>
        <source>打开示例数据</source>
        <translation>Open the sample</translation>
    </message>
    <message>
        <source>正在读取示例表格…</source>
        <translation>Reading the sample table…</translation>
    </message>
    <message>
        <source>导出</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>还没有项目，没有可以导出的内容。</source>
        <translation>There are no projects yet, so there is nothing to export.</translation>
    </message>
    <message>
        <source>%1 个项目的检查还有错误。导出的是官方表格，表上不标注检查结果；报送前请改正，或在报送时逐条说明。

仍然导出吗？</source>
        <translation>%1 projects still have errors. The export is the official table and does not mark check results on it; correct them before submitting, or explain each when you submit.

Export anyway?</translation>
    </message>
    <message>
        <source>导出公开表</source>
        <translation>Export disclosure table</translation>
    </message>
    <message>
        <source>%1年项目支出绩效目标表</source>
        <translation>Project performance targets %1</translation>
    </message>
    <message>
        <source>导出申报表</source>
        <translation>Export detailed forms</translation>
    </message>
    <message>
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel workbooks (*.xlsx)</translation>
    </message>
    <message>
        <source>正在导出 %1 个项目…</source>
        <translation>Exporting %1 projects…</translation>
    </message>
    <message>
        <source>已保存到 %1</source>
        <translation>Saved to %1</translation>
    </message>
    <message>
        <source>全部检查</source>
        <translation>Check all</translation>
    </message>
    <message>
        <source>正在检查全部项目…</source>
        <translation>Checking all projects…</translation>
    </message>
    <message>
        <source>正在检查 %1/%2 个项目…</source>
        <translation>Checking projects %1/%2…</translation>
    </message>
    <message>
        <source>PerfDesk 绩效目标填报助手</source>
        <translation>PerfDesk performance targets</translation>
    </message>
    <message>
        <source>（只读）</source>
        <translation> (read-only)</translation>
    </message>
    <message>
        <source>只读，修改不会保存</source>
        <translation>Read-only: changes are not saved</translation>
    </message>
    <message>
        <source>已保存</source>
        <translation>Saved</translation>
    </message>
    <message>
        <source>已保存 %1</source>
        <translation>Saved %1</translation>
    </message>
    <message>
        <source>%1 个项目 %2 个指标</source>
        <translation>%1 projects, %2 indicators</translation>
    </message>
    <message>
        <source>（%1 个）</source>
        <translation>(%1)</translation>
    </message>
    <message>
        <source>撤销 %1</source>
        <translation>Undo %1</translation>
    </message>
    <message>
        <source>撤销</source>
        <translation>Undo</translation>
    </message>
    <message>
        <source>重做 %1</source>
        <translation>Redo %1</translation>
    </message>
    <message>
        <source>重做</source>
        <translation>Redo</translation>
    </message>
    <message>
        <source>修改没有保存</source>
        <translation>The change was not saved</translation>
    </message>
    <message>
        <source>关于 PerfDesk</source>
        <translation>About PerfDesk</translation>
    </message>
    <message>
        <source>PerfDesk 绩效目标填报助手 %1

填写、检查并导出《项目支出绩效目标表》。完全离线运行，每处修改立即保存在本机的数据文件中。</source>
        <translation>PerfDesk %1

Fill in, check and export project expenditure performance targets (项目支出绩效目标表). Runs fully offline; every change is saved at once in a dataset file on this computer.</translation>
    </message>
    <message>
        <source>（未命名项目）</source>
        <translation>(unnamed project)</translation>
    </message>
    <message>
        <source>编码：%1</source>
        <translation>Code: %1</translation>
    </message>
    <message>
        <source>%1 条审核意见待答复</source>
        <translation>%1 review comments waiting for an answer</translation>
    </message>
    <message>
        <source>%1 个错误</source>
        <translation>%1 errors</translation>
    </message>
    <message>
        <source>%1 个警告</source>
        <translation>%1 warnings</translation>
    </message>
    <message>
        <source>%1 个提示</source>
        <translation>%1 hints</translation>
    </message>
    <message>
        <source>，</source>
        <translation>, </translation>
    </message>
    <message>
        <source>打开数据文件</source>
        <translation>Open dataset</translation>
    </message>
    <message>
        <source>PerfDesk 数据文件 (*.perfdesk);;所有文件 (*)</source>
        <translation>PerfDesk datasets (*.perfdesk);;All files (*)</translation>
    </message>
    <message>
        <source>选择要导入的表格</source>
        <translation>Choose the tables to import</translation>
    </message>
    <message>
        <source>表格 (*.xlsx *.xls *.csv *.txt);;所有文件 (*)</source>
        <translation>Tables (*.xlsx *.xls *.csv *.txt);;All files (*)</translation>
    </message>
    <message>
        <source>选择要接收的报送文件</source>
        <translation>Choose the submission files to receive</translation>
    </message>
    <message>
        <source>报送文件 (*.xlsx);;所有文件 (*)</source>
        <translation>Submission files (*.xlsx);;All files (*)</translation>
    </message>
    <message>
        <source>打开任务文件</source>
        <translation>Open a task file</translation>
    </message>
    <message>
        <source>任务文件 (*.json);;所有文件 (*)</source>
        <translation>Task files (*.json);;All files (*)</translation>
    </message>
    <message>
        <source>正在导入，修改要等导入完成后才能保存。请稍候再试。</source>
        <translation>An import is running; changes can be saved once it is done. Please try again shortly.</translation>
    </message>
    <message>
        <source>待答复</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>已答复</source>
        <translation>Answered</translation>
    </message>
    <message>
        <source>已关闭</source>
        <translation>Closed</translation>
    </message>
    <message>
        <source>改了</source>
        <translation>Fixed</translation>
    </message>
    <message>
        <source>说明</source>
        <translation>Explained</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>位置</source>
        <translation>Where</translation>
    </message>
    <message>
        <source>意见</source>
        <translation>Comment</translation>
    </message>
    <message>
        <source>没有审核意见。</source>
        <translation>No review comments.</translation>
    </message>
    <message>
        <source>%1 条意见，%2 条待答复</source>
        <translation>%1 comments, %2 open</translation>
    </message>
    <message>
        <source>（全部项目共 %1 条待答复）</source>
        <translation> (%1 open in all projects)</translation>
    </message>
    <message>
        <source>审核意见</source>
        <translation>Review comments</translation>
    </message>
    <message>
        <source>审核(&amp;R)</source>
        <translation>&amp;Review</translation>
    </message>
    <message>
        <source>添加审核意见…</source>
        <translation>Add review comment…</translation>
    </message>
    <message>
        <source>检查结果转为审核意见</source>
        <translation>Turn finding into comment</translation>
    </message>
    <message>
        <source>答复审核意见…</source>
        <translation>Answer review comment…</translation>
    </message>
    <message>
        <source>修改记录…</source>
        <translation>Change history…</translation>
    </message>
    <message>
        <source>退回…</source>
        <translation>Return…</translation>
    </message>
    <message>
        <source>打开退回文件…</source>
        <translation>Open return file…</translation>
    </message>
    <message>
        <source>审核意见面板</source>
        <translation>Review comments panel</translation>
    </message>
    <message>
        <source>项目“%1”</source>
        <translation>project &apos;%1&apos;</translation>
    </message>
    <message>
        <source>第%1条指标“%2”</source>
        <translation>indicator %1 &apos;%2&apos;</translation>
    </message>
    <message>
        <source>审核意见没有保存</source>
        <translation>The comment was not saved</translation>
    </message>
    <message>
        <source>请先在“检查结果”中选择一条问题。</source>
        <translation>First select a finding under Check results.</translation>
    </message>
    <message>
        <source>请先在“审核意见”中选择一条意见。</source>
        <translation>First select a comment under Review comments.</translation>
    </message>
    <message>
        <source>删除这条审核意见？

%1</source>
        <translation>Delete this review comment?

%1</translation>
    </message>
    <message>
        <source>修改记录：%1</source>
        <translation>Change history: %1</translation>
    </message>
    <message>
        <source>%1（审核意见 %2 条，待答复 %3 条）</source>
        <translation>%1 (%2 comments, %3 open)</translation>
    </message>
    <message>
        <source>没有退回</source>
        <translation>Not returned</translation>
    </message>
    <message>
        <source>已退回</source>
        <translation>Returned</translation>
    </message>
    <message>
        <source>已退回“%1”（第%2次报送）：审核意见 %3 条，待答复 %4 条。

%5

文件路径已复制，可粘贴到邮件附件中。</source>
        <translation>Returned to &apos;%1&apos; (submission %2): %3 comments, %4 open.

%5

The path was copied: paste it to attach the file to an email.</translation>
    </message>
    <message>
        <source>退回文件没有接收</source>
        <translation>Return file not received</translation>
    </message>
    <message>
        <source>退回审核意见</source>
        <translation>Return review comments</translation>
    </message>
    <message>
        <source>预算单位：</source>
        <translation>Budget unit:</translation>
    </message>
    <message>
        <source>浏览…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <source>保存到：</source>
        <translation>Save to:</translation>
    </message>
    <message>
        <source>退回文件只含该单位项目的审核意见，签名后可用 U 盘或邮件发给单位。</source>
        <translation>The return file holds only the comments on this unit&apos;s projects; it is signed and can go to the unit by USB stick or email.</translation>
    </message>
    <message>
        <source>退回</source>
        <translation>Return</translation>
    </message>
    <message>
        <source>打开退回文件</source>
        <translation>Open return file</translation>
    </message>
    <message>
        <source>退回文件 (*.perfdesk-return);;所有文件 (*)</source>
        <translation>Return files (*.perfdesk-return);;All files (*)</translation>
    </message>
    <message>
        <source>这是第一次报送。</source>
        <translation>This is the first submission.</translation>
    </message>
    <message>
        <source>与上次报送相比没有变化。</source>
        <translation>Nothing changed since the last submission.</translation>
    </message>
    <message>
        <source>单位编码</source>
        <translation>Unit code</translation>
    </message>
    <message>
        <source>是否报送</source>
        <translation>Submitted</translation>
    </message>
    <message>
        <source>报送次数</source>
        <translation>Submission</translation>
    </message>
    <message>
        <source>报送时间</source>
        <translation>Submitted at</translation>
    </message>
    <message>
        <source>接收时间</source>
        <translation>Received at</translation>
    </message>
    <message>
        <source>项目数</source>
        <translation>Projects</translation>
    </message>
    <message>
        <source>指标数</source>
        <translation>Indicators</translation>
    </message>
    <message>
        <source>错误</source>
        <translation>Errors</translation>
    </message>
    <message>
        <source>警告</source>
        <translation>Warnings</translation>
    </message>
    <message>
        <source>已说明</source>
        <translation>Explained</translation>
    </message>
    <message>
        <source>含手工修改</source>
        <translation>Edited by hand</translation>
    </message>
    <message>
        <source>PerfDesk 版本</source>
        <translation>PerfDesk version</translation>
    </message>
    <message>
        <source>审核规则版本</source>
        <translation>Rule set version</translation>
    </message>
    <message>
        <source>报送编号</source>
        <translation>Submission ID</translation>
    </message>
    <message>
        <source>已报送</source>
        <translation>Submitted</translation>
    </message>
    <message>
        <source>未报送</source>
        <translation>Not submitted</translation>
    </message>
    <message>
        <source>是</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>否</source>
        <translation>No</translation>
    </message>
    <message>
        <source>第%1次</source>
        <translation>No. %1</translation>
    </message>
    <message>
        <source>报送</source>
        <translation>Submit</translation>
    </message>
    <message>
        <source>正在写入报送文件…</source>
        <translation>Writing the submission file…</translation>
    </message>
    <message>
        <source>接收报送</source>
        <translation>Receive submissions</translation>
    </message>
    <message>
        <source>正在核验并接收报送文件…</source>
        <translation>Verifying and receiving the submission files…</translation>
    </message>
    <message>
        <source>从任务文件新建</source>
        <translation>New from a task file</translation>
    </message>
    <message>
        <source>正在新建数据文件…</source>
        <translation>Creating the dataset…</translation>
    </message>
    <message>
        <source>报送(&amp;S)</source>
        <translation>&amp;Submission</translation>
    </message>
    <message>
        <source>报送…</source>
        <translation>Submit…</translation>
    </message>
    <message>
        <source>接收报送…</source>
        <translation>Receive submissions…</translation>
    </message>
    <message>
        <source>报送情况…</source>
        <translation>Submission status…</translation>
    </message>
    <message>
        <source>从任务文件新建…</source>
        <translation>New from a task file…</translation>
    </message>
    <message>
        <source>已报送：%1</source>
        <translation>Submitted: %1</translation>
    </message>
    <message>
        <source>选择报送文件所在的文件夹</source>
        <translation>Choose the folder holding the submissions</translation>
    </message>
    <message>
        <source>%1年绩效目标报送情况</source>
        <translation>%1 performance target submission status</translation>
    </message>
    <message>
        <source>导出报送情况</source>
        <translation>Export the submission status</translation>
    </message>
    <message>
        <source>正在导出…</source>
        <translation>Exporting…</translation>
    </message>
    <message>
        <source>新数据文件保存为</source>
        <translation>Save the new dataset as</translation>
    </message>
    <message>
        <source>PerfDesk 数据文件 (*.perfdesk)</source>
        <translation>PerfDesk datasets (*.perfdesk)</translation>
    </message>
    <message>
        <source>上次 PerfDesk 没有正常关闭，指标表格中有一格的内容输入到一半、还没有确认：

项目：%1
第 %2 个指标“%3”的“%4”：%5

要把它填回这一格吗？</source>
        <translation>PerfDesk was not closed properly last time: a cell of the indicator grid was being typed and not yet confirmed:

Project: %1
Indicator %2 “%3”, %4: %5

Put it back into that cell?</translation>
    </message>
    <message>
        <source>（未命名）</source>
        <translation>(unnamed)</translation>
    </message>
    <message>
        <source>恢复未完成的输入</source>
        <translation>Restore unfinished typing</translation>
    </message>
    <message>
        <source>填回</source>
        <translation>Put back</translation>
    </message>
    <message>
        <source>放弃</source>
        <translation>Discard</translation>
    </message>
</context>
<context>
    <name>AnswerDialog</name>
    <message>
        <source>答复审核意见</source>
        <translation>Answer review comment</translation>
    </message>
    <message>
        <source>改了(&amp;F)：已按意见修改</source>
        <translation>&amp;Fixed: changed as asked</translation>
    </message>
    <message>
        <source>说明(&amp;E)：不修改，写明理由</source>
        <translation>&amp;Explained: kept, with the reason</translation>
    </message>
    <message>
        <source>答复(&amp;R)：</source>
        <translation>&amp;Reply:</translation>
    </message>
</context>
<context>
    <name>CommentDialog</name>
    <message>
        <source>添加审核意见</source>
        <translation>Add review comment</translation>
    </message>
    <message>
        <source>常用意见(&amp;P)：</source>
        <translation>Standard &amp;phrase:</translation>
    </message>
    <message>
        <source>意见(&amp;T)：</source>
        <translation>Commen&amp;t:</translation>
    </message>
</context>
<context>
    <name>CommentsPanel</name>
    <message>
        <source>当前项目</source>
        <translation>Current project</translation>
    </message>
    <message>
        <source>全部项目</source>
        <translation>All projects</translation>
    </message>
    <message>
        <source>答复…</source>
        <translation>Answer…</translation>
    </message>
    <message>
        <source>关闭意见</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>重新打开</source>
        <translation>Reopen</translation>
    </message>
    <message>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
</context>
<context>
    <name>DatasetPropertiesDialog</name>
    <message>
        <source>数据文件属性</source>
        <translation>Dataset properties</translation>
    </message>
    <message>
        <source>文件</source>
        <translation>File</translation>
    </message>
    <message>
        <source>标题(&amp;T)</source>
        <translation>&amp;Title</translation>
    </message>
    <message>
        <source>预算年度(&amp;Y)</source>
        <translation>Budget &amp;year</translation>
    </message>
    <message>
        <source>指标体系(&amp;P)</source>
        <translation>&amp;Profile</translation>
    </message>
    <message>
        <source>定性等级(&amp;G)</source>
        <translation>&amp;Grades</translation>
    </message>
    <message>
        <source>每行一个等级。定性指标的指标值从这些等级中选择。</source>
        <translation>One grade per line. Qualitative indicators take their target from these grades.</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <source>成本指标是产出指标下的二级指标。许多地区仍在使用。</source>
        <translation>Cost is a level-2 category under output. Still used in many provinces.</translation>
    </message>
    <message>
        <source>成本指标单列为一级指标，下设经济、社会、生态环境成本指标。</source>
        <translation>Cost is a level-1 category of its own, with economic, social and environmental cost below it.</translation>
    </message>
</context>
<context>
    <name>DuplicatesBox</name>
    <message>
        <source>已有同名项目（%1 个）：请选择怎样处理</source>
        <translation>Projects already present (%1): choose what to do</translation>
    </message>
    <message>
        <source>下列项目在数据文件中（或本次导入的另一个文件中）已有同名项目（同一主管部门、预算单位下）。选择处理方式后才能导入；导入后可以撤销。</source>
        <translation>These projects already have a namesake under the same department and budget unit, in the dataset or in another file of this import. Choose what to do before importing; the import can be undone.</translation>
    </message>
    <message>
        <source>…… 另有 %1 个</source>
        <translation>… and %1 more</translation>
    </message>
    <message>
        <source>跳过(&amp;S)：保留数据文件中的</source>
        <translation>&amp;Skip: keep the dataset&apos;s</translation>
    </message>
    <message>
        <source>替换(&amp;R)：换成表中的</source>
        <translation>&amp;Replace with the table&apos;s</translation>
    </message>
    <message>
        <source>都保留(&amp;K)：另存一个</source>
        <translation>&amp;Keep both</translation>
    </message>
    <message>
        <source>（未填写单位）</source>
        <translation>(no unit)</translation>
    </message>
    <message>
        <source>%1（%2）：数据文件中已有</source>
        <translation>%1 (%2): already in the dataset</translation>
    </message>
    <message>
        <source>%1（%2）：与“%3”中的项目同名</source>
        <translation>%1 (%2): same name as a project in &apos;%3&apos;</translation>
    </message>
</context>
<context>
    <name>FindingsPanel</name>
    <message>
        <source>显示哪些项目的问题</source>
        <translation>Whose problems to show</translation>
    </message>
    <message>
        <source>当前项目</source>
        <translation>Current project</translation>
    </message>
    <message>
        <source>全部项目</source>
        <translation>All projects</translation>
    </message>
    <message>
        <source>自动修正</source>
        <translation>Auto-fix</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <source>修改记录</source>
        <translation>Change history</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>导入 %1 个项目</source>
        <translation>Import %1 projects</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>读取时需要判断的地方（%1 处）：请看一下是否理解正确；原文会随指标保存，导入后也能查看。</source>
        <translation>Places where the reader had to judge (%1): check it understood them right; the original text is kept with each indicator and can be seen after the import.</translation>
    </message>
    <message>
        <source>读取时没有需要判断的地方。</source>
        <translation>The reader did not have to guess anywhere.</translation>
    </message>
    <message>
        <source>请先选择项目所属的单位</source>
        <translation>Choose the unit of the projects first</translation>
    </message>
    <message>
        <source>请先选择同名项目的处理方式</source>
        <translation>First choose what to do with the namesakes</translation>
    </message>
    <message>
        <source>导入 %1 个项目（替换 %2 个）</source>
        <translation>Import %1 projects (replacing %2)</translation>
    </message>
    <message>
        <source>识别为：%1</source>
        <translation>Recognised as: %1</translation>
    </message>
    <message>
        <source>“%1”识别为：%2</source>
        <translation>&apos;%1&apos; recognised as: %2</translation>
    </message>
    <message>
        <source>请同时填写主管部门和预算单位</source>
        <translation>Give both the department and the budget unit</translation>
    </message>
    <message>
        <source>没有在文件中找到项目，没有可以导入的内容。请确认选择的是绩效目标表。</source>
        <translation>No projects were found in the file, so there is nothing to import. Make sure it is a performance target table.</translation>
    </message>
    <message>
        <source> 等 %1 个文件</source>
        <translation> and %1 files in all</translation>
    </message>
    <message>
        <source>从 %1 </source>
        <translation>From %1 </translation>
    </message>
    <message>
        <source>%1读到 %2 个主管部门、%3 个预算单位、%4 个项目、%5 个指标。</source>
        <translation>%1read %2 departments, %3 budget units, %4 projects, %5 indicators. </translation>
    </message>
    <message>
        <source>检查发现 %1 处错误、%2 处警告，导入后可在“检查结果”中逐条修改。</source>
        <translation>The checks found %1 errors and %2 warnings; fix them one by one in Check results after the import.</translation>
    </message>
    <message>
        <source>检查没有发现错误或警告。</source>
        <translation>The checks found no errors or warnings.</translation>
    </message>
    <message>
        <source>导入预览</source>
        <translation>Import preview</translation>
    </message>
    <message>
        <source>将导入的项目</source>
        <translation>Projects to import</translation>
    </message>
</context>
<context>
    <name>ImportTreeModel</name>
    <message>
        <source>主管部门 / 预算单位 / 项目</source>
        <translation>Department / budget unit / project</translation>
    </message>
    <message>
        <source>指标数</source>
        <translation>Indicators</translation>
    </message>
    <message>
        <source>年度资金（万元）</source>
        <translation>Annual funds (10k yuan)</translation>
    </message>
    <message>
        <source>检查</source>
        <translation>Checks</translation>
    </message>
    <message>
        <source>（未填写）</source>
        <translation>(blank)</translation>
    </message>
    <message>
        <source>%1（%2 个项目）</source>
        <translation>%1 (%2 projects)</translation>
    </message>
    <message>
        <source>来源：%1</source>
        <translation>Source: %1</translation>
    </message>
    <message>
        <source>%1 错误</source>
        <translation>%1 errors</translation>
    </message>
    <message>
        <source>%1 警告</source>
        <translation>%1 warnings</translation>
    </message>
    <message>
        <source>无</source>
        <translation>None</translation>
    </message>
</context>
<context>
    <name>IndicatorDelegate</name>
    <message>
        <source>输入关键字，从常用指标中选择</source>
        <translation>Type a keyword to pick a common indicator</translation>
    </message>
    <message>
        <source>如 95、≥95%、不低于95%</source>
        <translation>e.g. 95, ≥95%, 不低于95%</translation>
    </message>
</context>
<context>
    <name>JobRunner</name>
    <message>
        <source>确定</source>
        <translation>OK</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>PerfDesk 绩效目标填报助手</source>
        <translation>PerfDesk performance targets</translation>
    </message>
    <message>
        <source>项目</source>
        <translation>Project</translation>
    </message>
    <message>
        <source>只显示有问题的项目</source>
        <translation>Show only projects with problems</translation>
    </message>
    <message>
        <source>全部项目</source>
        <translation>All projects</translation>
    </message>
    <message>
        <source>有错误的项目</source>
        <translation>Projects with errors</translation>
    </message>
    <message>
        <source>有错误或警告的项目</source>
        <translation>Projects with errors or warnings</translation>
    </message>
    <message>
        <source>在左侧选择一个项目，或按 Ctrl+N 新建项目。</source>
        <translation>Select a project on the left, or press Ctrl+N for a new one.</translation>
    </message>
    <message>
        <source>绩效指标</source>
        <translation>Indicators</translation>
    </message>
    <message>
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>最近打开(&amp;R)</source>
        <translation>&amp;Recent</translation>
    </message>
    <message>
        <source>编辑(&amp;E)</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <source>项目(&amp;P)</source>
        <translation>&amp;Project</translation>
    </message>
    <message>
        <source>检查(&amp;C)</source>
        <translation>&amp;Check</translation>
    </message>
    <message>
        <source>导出(&amp;X)</source>
        <translation>E&amp;xport</translation>
    </message>
    <message>
        <source>帮助(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>工具栏</source>
        <translation>Toolbar</translation>
    </message>
    <message>
        <source>检查结果</source>
        <translation>Check results</translation>
    </message>
    <message>
        <source>新建数据文件…</source>
        <translation>New dataset…</translation>
    </message>
    <message>
        <source>创建一个新的数据文件</source>
        <translation>Create a new dataset</translation>
    </message>
    <message>
        <source>打开…</source>
        <translation>Open…</translation>
    </message>
    <message>
        <source>打开一个数据文件</source>
        <translation>Open a dataset</translation>
    </message>
    <message>
        <source>导入已有表格…</source>
        <translation>Import a table…</translation>
    </message>
    <message>
        <source>导入</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>从 Excel、CSV 或文本文件导入项目和指标</source>
        <translation>Import projects and indicators from Excel, CSV or text</translation>
    </message>
    <message>
        <source>打开示例数据</source>
        <translation>Open the sample</translation>
    </message>
    <message>
        <source>打开随程序附带的示例绩效目标表</source>
        <translation>Open the sample table that comes with PerfDesk</translation>
    </message>
    <message>
        <source>数据文件属性…</source>
        <translation>Dataset properties…</translation>
    </message>
    <message>
        <source>预算年度、指标体系、定性等级</source>
        <translation>Budget year, profile, grades</translation>
    </message>
    <message>
        <source>打开所在文件夹</source>
        <translation>Show in folder</translation>
    </message>
    <message>
        <source>在文件管理器中显示数据文件</source>
        <translation>Show the dataset in the file manager</translation>
    </message>
    <message>
        <source>关闭数据文件</source>
        <translation>Close dataset</translation>
    </message>
    <message>
        <source>关闭当前数据文件，回到开始页</source>
        <translation>Close the dataset and return to the start screen</translation>
    </message>
    <message>
        <source>设置…</source>
        <translation>Settings…</translation>
    </message>
    <message>
        <source>界面语言、填报人</source>
        <translation>Interface language, preparer</translation>
    </message>
    <message>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>撤销</source>
        <translation>Undo</translation>
    </message>
    <message>
        <source>撤销上一步修改</source>
        <translation>Undo the last change</translation>
    </message>
    <message>
        <source>重做</source>
        <translation>Redo</translation>
    </message>
    <message>
        <source>重做刚撤销的修改</source>
        <translation>Redo the change just undone</translation>
    </message>
    <message>
        <source>粘贴指标…</source>
        <translation>Paste indicators…</translation>
    </message>
    <message>
        <source>把从 Excel 复制的指标行粘贴到当前项目（先预览再新建）</source>
        <translation>Paste indicator rows copied from Excel into this project (previewed first)</translation>
    </message>
    <message>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>删除选中的指标或项目</source>
        <translation>Delete the selected indicators or project</translation>
    </message>
    <message>
        <source>查找项目</source>
        <translation>Find project</translation>
    </message>
    <message>
        <source>按项目名称、单位或问题筛选项目</source>
        <translation>Filter projects by name, unit or problem</translation>
    </message>
    <message>
        <source>新建项目</source>
        <translation>New project</translation>
    </message>
    <message>
        <source>在当前预算单位下新建项目</source>
        <translation>Add a project to the current budget unit</translation>
    </message>
    <message>
        <source>新建指标</source>
        <translation>New indicator</translation>
    </message>
    <message>
        <source>在当前项目中新建一行指标</source>
        <translation>Add an indicator row to the current project</translation>
    </message>
    <message>
        <source>上移</source>
        <translation>Move up</translation>
    </message>
    <message>
        <source>把选中的指标（或项目）上移一位</source>
        <translation>Move the selected indicator (or project) up</translation>
    </message>
    <message>
        <source>下移</source>
        <translation>Move down</translation>
    </message>
    <message>
        <source>把选中的指标（或项目）下移一位</source>
        <translation>Move the selected indicator (or project) down</translation>
    </message>
    <message>
        <source>新建预算单位…</source>
        <translation>New budget unit…</translation>
    </message>
    <message>
        <source>新建主管部门或预算单位</source>
        <translation>Add a department or budget unit</translation>
    </message>
    <message>
        <source>重命名…</source>
        <translation>Rename…</translation>
    </message>
    <message>
        <source>重命名选中的主管部门或预算单位</source>
        <translation>Rename the selected department or budget unit</translation>
    </message>
    <message>
        <source>全部检查</source>
        <translation>Check all</translation>
    </message>
    <message>
        <source>重新检查所有项目</source>
        <translation>Check every project again</translation>
    </message>
    <message>
        <source>下一个问题</source>
        <translation>Next problem</translation>
    </message>
    <message>
        <source>跳到下一个问题所在的字段</source>
        <translation>Go to the field of the next problem</translation>
    </message>
    <message>
        <source>上一个问题</source>
        <translation>Previous problem</translation>
    </message>
    <message>
        <source>跳到上一个问题所在的字段</source>
        <translation>Go to the field of the previous problem</translation>
    </message>
    <message>
        <source>自动修正</source>
        <translation>Auto-fix</translation>
    </message>
    <message>
        <source>应用选中问题的自动修正（可撤销）</source>
        <translation>Apply the selected problem&apos;s auto-fix (can be undone)</translation>
    </message>
    <message>
        <source>导出公开表（Excel）…</source>
        <translation>Export disclosure table (Excel)…</translation>
    </message>
    <message>
        <source>导出</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>导出《项目支出绩效目标表》公开格式</source>
        <translation>Export the published 项目支出绩效目标表 layout</translation>
    </message>
    <message>
        <source>导出申报表（Excel）…</source>
        <translation>Export detailed forms (Excel)…</translation>
    </message>
    <message>
        <source>每个项目一页的《项目支出绩效目标申报表》</source>
        <translation>The 项目支出绩效目标申报表, one sheet per project</translation>
    </message>
    <message>
        <source>打印 / PDF…</source>
        <translation>Print / PDF…</translation>
    </message>
    <message>
        <source>打印</source>
        <translation>Print</translation>
    </message>
    <message>
        <source>生成申报表 PDF，用于签字盖章</source>
        <translation>The detailed form as PDF, for signing and stamping</translation>
    </message>
    <message>
        <source>使用说明</source>
        <translation>User guide</translation>
    </message>
    <message>
        <source>PerfDesk 的使用说明</source>
        <translation>How to use PerfDesk</translation>
    </message>
    <message>
        <source>关于 PerfDesk</source>
        <translation>About PerfDesk</translation>
    </message>
</context>
<context>
    <name>NewDatasetDialog</name>
    <message>
        <source>新建数据文件</source>
        <translation>New dataset</translation>
    </message>
    <message>
        <source>预算年度(&amp;Y)</source>
        <translation>Budget &amp;year</translation>
    </message>
    <message>
        <source>指标体系(&amp;P)</source>
        <translation>&amp;Profile</translation>
    </message>
    <message>
        <source>主管部门(&amp;D)</source>
        <translation>&amp;Department</translation>
    </message>
    <message>
        <source>例如：中共广州市黄埔区委政法委员会</source>
        <translation>e.g. 中共广州市黄埔区委政法委员会</translation>
    </message>
    <message>
        <source>预算单位(&amp;U)</source>
        <translation>Budget &amp;unit</translation>
    </message>
    <message>
        <source>可以稍后在“项目”菜单中添加</source>
        <translation>Can be added later from the Project menu</translation>
    </message>
    <message>
        <source>文件名(&amp;N)</source>
        <translation>File &amp;name</translation>
    </message>
    <message>
        <source>保存位置(&amp;L)</source>
        <translation>&amp;Location</translation>
    </message>
    <message>
        <source>浏览(&amp;B)…</source>
        <translation>&amp;Browse…</translation>
    </message>
    <message>
        <source>新建数据文件（导入前）</source>
        <translation>New dataset (before importing)</translation>
    </message>
    <message>
        <source>导入的表格要放进一个数据文件，之后的每处修改都保存在其中。请先在这里新建一个，然后再选择要导入的表格。</source>
        <translation>Imported tables go into a dataset, where every later change is saved. Create one here first, then choose the tables to import.</translation>
    </message>
</context>
<context>
    <name>NewUnitDialog</name>
    <message>
        <source>新建预算单位</source>
        <translation>New budget unit</translation>
    </message>
    <message>
        <source>主管部门(&amp;D)</source>
        <translation>&amp;Department</translation>
    </message>
    <message>
        <source>预算单位(&amp;U)</source>
        <translation>Budget &amp;unit</translation>
    </message>
    <message>
        <source>单位编码(&amp;C)</source>
        <translation>Unit &amp;code</translation>
    </message>
    <message>
        <source>可不填</source>
        <translation>Optional</translation>
    </message>
    <message>
        <source>输入新的主管部门名称时会一并新建该主管部门。</source>
        <translation>Typing a new department name creates that department too.</translation>
    </message>
</context>
<context>
    <name>NoticeTableModel</name>
    <message>
        <source>位置</source>
        <translation>Where</translation>
    </message>
    <message>
        <source>说明</source>
        <translation>Note</translation>
    </message>
</context>
<context>
    <name>PasteDialog</name>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>剪贴板里没有可以新建为指标的内容。请在 Excel 中选中指标所在的行（可以连同表头一起）复制，再回到这里粘贴。</source>
        <translation>The clipboard holds nothing that can become indicators. Select the indicator rows in Excel (the heading row too, if you like), copy, and paste here again.</translation>
    </message>
    <message>
        <source>按第 %1 行的表头识别各列</source>
        <translation>columns recognised by the heading in row %1</translation>
    </message>
    <message>
        <source>没有表头，按内容认出了各列（见下方）</source>
        <translation>no heading row, the columns were recognised by their values (see below)</translation>
    </message>
    <message>
        <source>没有表头，按指标表的列顺序读取（从“%1”列开始）</source>
        <translation>no heading row, read in the grid&apos;s column order (starting at “%1”)</translation>
    </message>
    <message>
        <source>有 %1 处错误、%2 处警告（已用颜色标出），新建后可以继续修改。</source>
        <translation>%1 errors and %2 warnings (marked in colour); they can still be fixed after the rows are created.</translation>
    </message>
    <message>
        <source>从剪贴板读到 %1 行指标；%2。</source>
        <translation>Read %1 indicator rows from the clipboard; %2. </translation>
    </message>
    <message>
        <source>新建 %1 个指标</source>
        <translation>Create %1 indicators</translation>
    </message>
    <message>
        <source>粘贴预览</source>
        <translation>Paste preview</translation>
    </message>
    <message>
        <source>红色为错误，橙色为警告，蓝色为已自动调整的内容；鼠标停在单元格上可查看说明。取消勾选的行不会新建。新建后仍可修改，也可以撤销。</source>
        <translation>Red marks errors, orange warnings, blue what was adjusted automatically; hover over a cell to read why. Unticked rows are not created. Everything can still be changed, or undone, afterwards.</translation>
    </message>
</context>
<context>
    <name>PasteRowsModel</name>
    <message>
        <source>新建</source>
        <translation>Create</translation>
    </message>
    <message numerus="yes">
        <source>第 %n 行</source>
        <translation>
            <numerusform>Row %n</numerusform>
            <numerusform>Row %n</numerusform>
        </translation>
    </message>
    <message>
        <source>取消勾选则不新建这一行</source>
        <translation>Untick to leave this row out</translation>
    </message>
</context>
<context>
    <name>ProgressDialog</name>
    <message>
        <source>正在处理，请稍候…</source>
        <translation>Working, please wait…</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>正在取消…</source>
        <translation>Cancelling…</translation>
    </message>
</context>
<context>
    <name>ProjectForm</name>
    <message>
        <source>执行率 = 全年执行数 ÷ 全年预算数（年度资金总额）</source>
        <translation>Execution rate = spent in the year ÷ annual budget (annual total)</translation>
    </message>
    <message>
        <source>项目支出（万元）</source>
        <translation>Project expenditure (10,000 yuan)</translation>
    </message>
    <message>
        <source>基本支出（万元）</source>
        <translation>Basic expenditure (10,000 yuan)</translation>
    </message>
    <message>
        <source>部门职能职责概述</source>
        <translation>Duties of the department</translation>
    </message>
    <message>
        <source>%1 字</source>
        <translation>%1 characters</translation>
    </message>
    <message>
        <source>合计 %1</source>
        <translation>Sum %1</translation>
    </message>
    <message>
        <source>合计 %1，与总额不符</source>
        <translation>Sum %1 differs from the total</translation>
    </message>
    <message>
        <source>执行率 %1</source>
        <translation>Execution rate %1</translation>
    </message>
    <message>
        <source>项目名称(&amp;M)</source>
        <translation>Project na&amp;me</translation>
    </message>
    <message>
        <source>与预算项目库中的名称一致</source>
        <translation>As in the budget&apos;s project list</translation>
    </message>
    <message>
        <source>项目编码</source>
        <translation>Project code</translation>
    </message>
    <message>
        <source>可不填</source>
        <translation>Optional</translation>
    </message>
    <message>
        <source>主管部门</source>
        <translation>Department</translation>
    </message>
    <message>
        <source>预算单位</source>
        <translation>Budget unit</translation>
    </message>
    <message>
        <source>实施单位</source>
        <translation>Implementing unit</translation>
    </message>
    <message>
        <source>与预算单位相同时可不填</source>
        <translation>Leave blank if it is the budget unit</translation>
    </message>
    <message>
        <source>项目属性</source>
        <translation>Project type</translation>
    </message>
    <message>
        <source>项目期</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>项目期：起止年份，可写到月份，如 2025、2025-2027、2023.7-2024.1</source>
        <translation>Project period: first and last year, with months if known, e.g. 2025, 2025-2027, 2023.7-2024.1</translation>
    </message>
    <message>
        <source>如 2025-2027 或 2023.7-2024.1</source>
        <translation>e.g. 2025-2027 or 2023.7-2024.1</translation>
    </message>
    <message>
        <source>含转移支付</source>
        <translation>Transfer payments</translation>
    </message>
    <message>
        <source>无服务对象</source>
        <translation>No service recipients</translation>
    </message>
    <message>
        <source>资金总额（万元）</source>
        <translation>Total (10k yuan)</translation>
    </message>
    <message>
        <source>其中：财政拨款</source>
        <translation>of which fiscal</translation>
    </message>
    <message>
        <source>其他资金</source>
        <translation>Other funds</translation>
    </message>
    <message>
        <source>年度资金(&amp;Y)</source>
        <translation>Annual funds (&amp;Y)</translation>
    </message>
    <message>
        <source>万元</source>
        <translation>10k yuan</translation>
    </message>
    <message>
        <source>中期资金</source>
        <translation>Mid-term funds</translation>
    </message>
    <message>
        <source>多年项目填写</source>
        <translation>For multi-year projects</translation>
    </message>
    <message>
        <source>年初预算数</source>
        <translation>Start-of-year budget</translation>
    </message>
    <message>
        <source>全年执行数</source>
        <translation>Spent in the year</translation>
    </message>
    <message>
        <source>执行分值</source>
        <translation>Execution points</translation>
    </message>
    <message>
        <source>分值</source>
        <translation>Points</translation>
    </message>
    <message>
        <source>得分</source>
        <translation>Score</translation>
    </message>
    <message>
        <source>年度目标</source>
        <translation>Annual goal</translation>
    </message>
    <message>
        <source>本年度要达到的产出和效果，尽量写出数量（例如：完成培训10场，覆盖人数不少于500人）</source>
        <translation>What this year&apos;s money should achieve, with numbers where possible (e.g. 10 training sessions, at least 500 people reached)</translation>
    </message>
    <message>
        <source>实际完成情况</source>
        <translation>As achieved</translation>
    </message>
    <message>
        <source>年度总体目标的实际完成情况（自评表）</source>
        <translation>What the annual goal achieved (self-evaluation)</translation>
    </message>
    <message>
        <source>中长期目标</source>
        <translation>Mid/long-term goal</translation>
    </message>
    <message>
        <source>项目期内的总体目标（多年项目填写，不应与年度目标相同）</source>
        <translation>The goal for the whole project period (multi-year projects; not the same as the annual goal)</translation>
    </message>
</context>
<context>
    <name>ReceiveDialog</name>
    <message>
        <source>文件</source>
        <translation>File</translation>
    </message>
    <message>
        <source>预算单位</source>
        <translation>Budget unit</translation>
    </message>
    <message>
        <source>报送次数</source>
        <translation>Submission</translation>
    </message>
    <message>
        <source>结果</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>选择报送文件，或U盘、邮件附件所在的整个文件夹。</source>
        <translation>Choose submission files, or a whole folder (a USB stick, saved email attachments).</translation>
    </message>
    <message>
        <source>正在核验并接收…</source>
        <translation>Verifying and receiving…</translation>
    </message>
    <message>
        <source>已接收</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>已跳过（重复）</source>
        <translation>Skipped (duplicate)</translation>
    </message>
    <message>
        <source>拒收</source>
        <translation>Refused</translation>
    </message>
    <message>
        <source>被手工修改，未接收</source>
        <translation>Edited by hand, not received</translation>
    </message>
    <message>
        <source>第%1次</source>
        <translation>No. %1</translation>
    </message>
    <message>
        <source>已接收 %1 份，跳过 %2 份，拒收 %3 份，被手工修改 %4 份。</source>
        <translation>Received %1, skipped %2, refused %3, edited by hand %4.</translation>
    </message>
    <message>
        <source>与该单位上次报送相比：</source>
        <translation>Compared with the unit&apos;s previous submission:</translation>
    </message>
    <message>
        <source>手工修改之处：</source>
        <translation>Edited by hand:</translation>
    </message>
    <message>
        <source>接受手工修改</source>
        <translation>Accept the hand edits</translation>
    </message>
    <message>
        <source>“%1”导出后被手工修改过：
%2

按表格现在的内容接收吗？</source>
        <translation>“%1” was edited by hand after export:
%2

Receive it as the sheets now show it?</translation>
    </message>
    <message>
        <source>接收</source>
        <translation>Receive</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>接收报送</source>
        <translation>Receive submissions</translation>
    </message>
    <message>
        <source>选择报送文件…</source>
        <translation>Choose submission files…</translation>
    </message>
    <message>
        <source>选择文件夹…</source>
        <translation>Choose folder…</translation>
    </message>
    <message>
        <source>接受所选的手工修改</source>
        <translation>Accept the selected hand edits</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>设置</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>界面语言(&amp;L)</source>
        <translation>Interface &amp;language</translation>
    </message>
    <message>
        <source>更改界面语言后，重新启动 PerfDesk 才会生效。</source>
        <translation>A new interface language takes effect when PerfDesk is restarted.</translation>
    </message>
    <message>
        <source>填报人(&amp;N)</source>
        <translation>Prepared by (&amp;N)</translation>
    </message>
    <message>
        <source>导出和打印申报表时填入</source>
        <translation>Printed on exported and printed forms</translation>
    </message>
    <message>
        <source>联系电话(&amp;T)</source>
        <translation>&amp;Telephone</translation>
    </message>
</context>
<context>
    <name>StartPage</name>
    <message>
        <source>PerfDesk 绩效目标填报助手</source>
        <translation>PerfDesk performance targets</translation>
    </message>
    <message>
        <source>填写、检查并导出《项目支出绩效目标表》。每一处修改都立即保存，可以撤销。</source>
        <translation>Fill in, check and export project performance targets. Every change is saved at once and can be undone.</translation>
    </message>
    <message>
        <source>开始</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>新建数据文件…</source>
        <translation>New dataset…</translation>
    </message>
    <message>
        <source>为一个预算年度建立新的数据文件，填写主管部门和预算单位。</source>
        <translation>Start a dataset for a budget year, with its department and budget unit.</translation>
    </message>
    <message>
        <source>打开…</source>
        <translation>Open…</translation>
    </message>
    <message>
        <source>打开已有的数据文件（.perfdesk）。</source>
        <translation>Open an existing dataset (.perfdesk).</translation>
    </message>
    <message>
        <source>导入已有表格…</source>
        <translation>Import a table…</translation>
    </message>
    <message>
        <source>从 Excel、CSV 或 PDF 提取的文本导入项目和指标。</source>
        <translation>Import projects and indicators from Excel, CSV or text taken from a PDF.</translation>
    </message>
    <message>
        <source>打开示例数据</source>
        <translation>Open the sample</translation>
    </message>
    <message>
        <source>打开随程序附带的一份真实绩效目标表（22 个项目），看看检查能发现什么。</source>
        <translation>Open a real published table (22 projects) that comes with PerfDesk and see what the checks find.</translation>
    </message>
    <message>
        <source>最近打开(&amp;R)</source>
        <translation>&amp;Recent</translation>
    </message>
    <message>
        <source>还没有打开过数据文件。</source>
        <translation>No dataset opened yet.</translation>
    </message>
    <message>
        <source>数据文件默认保存在“文档/PerfDesk”文件夹中。从 U 盘或网络共享打开的数据文件会先复制到本机再打开。</source>
        <translation>Datasets are saved in Documents/PerfDesk. A dataset opened from a USB stick or a network share is copied to this computer first.</translation>
    </message>
</context>
<context>
    <name>StatusDialog</name>
    <message>
        <source>%1年度 %2：已报送 %3 个单位，共 %4 个。</source>
        <translation>%1, %2: %3 of %4 units submitted.</translation>
    </message>
    <message>
        <source>尚未报送：%1。</source>
        <translation> Not yet submitted: %1.</translation>
    </message>
    <message>
        <source>截止日期：%1。</source>
        <translation> Deadline: %1.</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>报送情况</source>
        <translation>Submission status</translation>
    </message>
    <message>
        <source>导出 xlsx…</source>
        <translation>Export xlsx…</translation>
    </message>
</context>
<context>
    <name>SubmitDialog</name>
    <message>
        <source>级别</source>
        <translation>Level</translation>
    </message>
    <message>
        <source>规则</source>
        <translation>Rule</translation>
    </message>
    <message>
        <source>位置</source>
        <translation>Where</translation>
    </message>
    <message>
        <source>问题</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>审核说明</source>
        <translation>Explanation</translation>
    </message>
    <message>
        <source>报送</source>
        <translation>Submit</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>正在检查全部项目…</source>
        <translation>Checking all projects…</translation>
    </message>
    <message>
        <source>错误</source>
        <translation>Errors</translation>
    </message>
    <message>
        <source>警告</source>
        <translation>Warnings</translation>
    </message>
    <message>
        <source>项目“%1”，%2</source>
        <translation>Project “%1”, %2</translation>
    </message>
    <message>
        <source>双击转到该处修改</source>
        <translation>Double-click to go there and fix it</translation>
    </message>
    <message>
        <source>检查后还有 %1 个错误、%2 个警告。可以双击一行转到该处修改后“重新检查”，也可以为每一个写一句审核说明后报送，说明随报送文件一起交给主管部门。</source>
        <translation>%1 errors and %2 warnings remain. Double-click a row to go there, fix it and check again, or write a one-line explanation for each and submit: the explanations travel with the submission to the department.</translation>
    </message>
    <message>
        <source>检查全部通过，没有错误或警告，可以报送。</source>
        <translation>All checks passed: no errors or warnings. Ready to submit.</translation>
    </message>
    <message>
        <source>报送文件保存到（可以是U盘）</source>
        <translation>Save the submission to (a USB stick is fine)</translation>
    </message>
    <message>
        <source>正在写入报送文件…</source>
        <translation>Writing the submission file…</translation>
    </message>
    <message>
        <source>报送文件没有写成，数据文件没有改动。可以换一个文件夹再试。</source>
        <translation>The submission file was not written and the dataset is unchanged. Try another folder.</translation>
    </message>
    <message>
        <source>第%1次报送已完成（%2 个项目，%3 个错误、%4 个警告已说明）。报送文件：
%5</source>
        <translation>Submission no. %1 done (%2 projects; %3 errors and %4 warnings explained). The submission file:
%5</translation>
    </message>
    <message>
        <source>这是第一次报送。</source>
        <translation>This is the first submission.</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>已复制路径</source>
        <translation>Path copied</translation>
    </message>
    <message>
        <source>与上次报送相比：</source>
        <translation>Since the last submission:</translation>
    </message>
    <message>
        <source>保存到文件夹：</source>
        <translation>Save to folder:</translation>
    </message>
    <message>
        <source>选择文件夹…</source>
        <translation>Choose folder…</translation>
    </message>
    <message>
        <source>重新检查</source>
        <translation>Check again</translation>
    </message>
    <message>
        <source>打开所在文件夹</source>
        <translation>Open containing folder</translation>
    </message>
    <message>
        <source>复制路径</source>
        <translation>Copy path</translation>
    </message>
</context>
<context>
    <name>TaskTable</name>
    <message>
        <source>年度主要任务</source>
        <translation>Main tasks of the year</translation>
    </message>
    <message>
        <source>添加任务</source>
        <translation>Add task</translation>
    </message>
    <message>
        <source>在选中的任务下面添加一条年度主要任务</source>
        <translation>Add a main task below the selected one</translation>
    </message>
    <message>
        <source>删除任务</source>
        <translation>Delete task</translation>
    </message>
    <message>
        <source>删除选中的年度主要任务（可撤销）</source>
        <translation>Delete the selected main tasks (can be undone)</translation>
    </message>
    <message>
        <source>金额合计 %1 万元</source>
        <translation>Total %1 (10,000 yuan)</translation>
    </message>
</context>
<context>
    <name>UnitBox</name>
    <message>
        <source>表中没有写全主管部门和预算单位</source>
        <translation>The table does not fully name the department and budget unit</translation>
    </message>
    <message>
        <source>%1 个项目的表格没有写全它们属于哪个单位。请选择（或输入）主管部门和预算单位（表中写了的已先填入），再点“放入”。</source>
        <translation>The tables of %1 projects do not fully say which unit they belong to. Choose (or type) the department and the budget unit (what the table gives is filled in already), then click Place.</translation>
    </message>
    <message>
        <source>主管部门</source>
        <translation>Department</translation>
    </message>
    <message>
        <source>预算单位</source>
        <translation>Budget unit</translation>
    </message>
    <message>
        <source>放入</source>
        <translation>Place</translation>
    </message>
</context>
</TS>
