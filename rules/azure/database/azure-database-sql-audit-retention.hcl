rule "azure-database-sql-audit-retention" {
  title     = "Azure SQL audit logs are kept for less than 90 days"
  severity  = "low"
  area      = "configuration-posture"
  resources = ["azurerm_mssql_server_extended_auditing_policy", "azurerm_mssql_database_extended_auditing_policy"]
  aliases   = ["CKV_AZURE_24", "AVD-AZU-0025", "azure-database-retention-period-set"]

  description = <<-EOT
    SQL audit records written to a storage account are deleted after `retention_in_days`. Breaches
    are often found weeks or months after they began; audit logs kept for less than 90 days are gone
    before anyone looks. Retaining the evidence is the customer's side.

    `retention_in_days` defaults to `0`, which keeps the records indefinitely; the rule reports a
    value from 1 to 89. Severity is low: the audit exists, its history is short.
  EOT
  remediation = "Set `retention_in_days = 90` or more, or remove it (0, the default, keeps audit records indefinitely)."
  references = [
    "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/mssql_server_extended_auditing_policy#retention_in_days",
    "https://learn.microsoft.com/en-us/azure/azure-sql/database/auditing-overview",
  ]

  assert {
    any {
      attribute "retention_in_days" {
        equals  = 0
        default = 0
      }
      attribute "retention_in_days" {
        gte = 90
      }
    }
  }

  example "bad" {
    code = <<-EOT
      resource "azurerm_mssql_server_extended_auditing_policy" "orders" {
        server_id         = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-data/providers/Microsoft.Sql/servers/sql-orders"
        storage_endpoint  = "https://auditlogs.blob.core.windows.net/"
        retention_in_days = 30  # expect: azure-database-sql-audit-retention
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "azurerm_mssql_database_extended_auditing_policy" "orders" {
        database_id       = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-data/providers/Microsoft.Sql/servers/sql-orders/databases/orders"
        storage_endpoint  = "https://auditlogs.blob.core.windows.net/"
        retention_in_days = 180
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "azurerm_mssql_server_extended_auditing_policy" "orders" {
        server_id        = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-data/providers/Microsoft.Sql/servers/sql-orders"
        storage_endpoint = "https://auditlogs.blob.core.windows.net/"
      }
    EOT
  }
}
