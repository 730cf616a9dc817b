rule "azure-database-mysql-flexible-audit-connection-events" {
  title     = "MySQL flexible server audit log does not record connection events"
  severity  = "low"
  area      = "configuration-posture"
  resources = ["azurerm_mysql_flexible_server_configuration"]

  compliance = { "cis-azure-3.0" = ["5.3.4"] }
  description = <<-EOT
    `audit_log_events` chooses which event classes the MySQL audit log records. Without
    `CONNECTION`, logins, failed logins and disconnections are missing: the audit log can no longer
    show who connected, from where, or that someone was guessing passwords. Which events are
    audited is the customer's side of the managed database.

    Azure sets `audit_log_events` to `CONNECTION` by default, so only an
    `azurerm_mysql_flexible_server_configuration` that sets it to a list without `CONNECTION`
    (for example `"DML,DDL"`) is reported. Whether the audit log is on at all is
    `azure-database-mysql-flexible-audit-log`. Severity is low: a gap in the audit trail.
  EOT
  remediation = "Include `CONNECTION` in the value, for example `value = \"CONNECTION,DDL,DCL\"`."
  references = [
    "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/mysql_flexible_server_configuration",
    "https://learn.microsoft.com/en-us/azure/mysql/flexible-server/concepts-audit-logs",
  ]

  assert {
    not {
      attribute "name" {
        matches = "(?i)^audit_log_events$"
      }
      attribute "value" {
        not_matches = "(?i)(^|,)\\s*CONNECTION\\s*(,|$)"
      }
    }
  }

  example "bad" {
    code = <<-EOT
      resource "azurerm_mysql_flexible_server_configuration" "audit_events" {
        name                = "audit_log_events"
        resource_group_name = "rg-data"
        server_name         = "mysql-orders"
        value               = "DML,DDL"  # expect: azure-database-mysql-flexible-audit-connection-events
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "azurerm_mysql_flexible_server_configuration" "audit_events" {
        name                = "audit_log_events"
        resource_group_name = "rg-data"
        server_name         = "mysql-orders"
        value               = "CONNECTION,DDL,DCL"
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "azurerm_mysql_flexible_server_configuration" "audit" {
        name                = "audit_log_enabled"
        resource_group_name = "rg-data"
        server_name         = "mysql-orders"
        value               = "ON"
      }
    EOT
  }
}
