rule "azure-database-postgres-flexible-log-checkpoints" {
  title     = "PostgreSQL flexible server does not log checkpoints (log_checkpoints off)"
  severity  = "low"
  area      = "configuration-posture"
  resources = ["azurerm_postgresql_flexible_server_configuration"]

  compliance = { "cis-azure-3.0" = ["5.2.2"] }
  description = <<-EOT
    With `log_checkpoints` on, the server log records every checkpoint with its timing and the
    amount of data written. Those lines show write storms, long recovery windows and the
    I/O pressure a denial of service causes; with it off, the evidence is not in the log when an
    outage or an attack is investigated.

    Azure Database for PostgreSQL flexible server sets `log_checkpoints` to `on` by default, so only an
    `azurerm_postgresql_flexible_server_configuration` that switches it off (`off`, `0`,
    `false`) is reported; a server without the parameter resource keeps the default. Severity is
    low: a logging or hardening default turned off. The server parameters are the customer's side
    of the managed database.
  EOT
  remediation = "Remove the `azurerm_postgresql_flexible_server_configuration` for `log_checkpoints`, or set its `value = \"on\"`."
  references = [
    "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/postgresql_flexible_server_configuration",
    "https://learn.microsoft.com/en-us/azure/postgresql/flexible-server/concepts-server-parameters",
  ]

  assert {
    not {
      attribute "name" {
        matches = "(?i)^log_checkpoints$"
      }
      attribute "value" {
        matches = "(?i)^(off|0|false)$"
      }
    }
  }

  example "bad" {
    code = <<-EOT
      resource "azurerm_postgresql_flexible_server_configuration" "param" {
        name      = "log_checkpoints"
        server_id = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-data/providers/Microsoft.DBforPostgreSQL/flexibleServers/pg-orders"
        value     = "off"  # expect: azure-database-postgres-flexible-log-checkpoints
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      variable "param_value" {
        type    = string
        default = "OFF"
      }

      resource "azurerm_postgresql_flexible_server_configuration" "param" {
        name      = "log_checkpoints"
        server_id = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-data/providers/Microsoft.DBforPostgreSQL/flexibleServers/pg-orders"
        value     = var.param_value  # expect: azure-database-postgres-flexible-log-checkpoints
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "azurerm_postgresql_flexible_server_configuration" "param" {
        name      = "log_checkpoints"
        server_id = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-data/providers/Microsoft.DBforPostgreSQL/flexibleServers/pg-orders"
        value     = "on"
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      # another parameter switched off is out of scope
      resource "azurerm_postgresql_flexible_server_configuration" "jit" {
        name      = "jit"
        server_id = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-data/providers/Microsoft.DBforPostgreSQL/flexibleServers/pg-orders"
        value     = "off"
      }
    EOT
  }
}
