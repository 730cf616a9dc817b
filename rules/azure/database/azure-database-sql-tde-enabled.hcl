rule "azure-database-sql-tde-enabled" {
  title     = "Azure SQL database has transparent data encryption disabled"
  severity  = "high"
  area      = "data-protection"
  resources = ["azurerm_mssql_database"]
  aliases   = ["CKV2_AZURE_25"]

  compliance = { "cis-azure-3.0" = ["5.1.5"] }
  description = <<-EOT
    Transparent data encryption encrypts the database files, backups and transaction logs at rest.
    Switched off, the data and every backup of it are stored unencrypted, readable by anyone who
    obtains a copy of the files. Azure enables it by default; turning it off is a customer choice
    that leaves sensitive data unprotected.

    `transparent_data_encryption_enabled` defaults to `true`, so only an explicit `false` is
    reported. Severity is high: unencrypted sensitive data.
  EOT
  remediation = "Remove `transparent_data_encryption_enabled = false` (or set `true`); to own the key, set `transparent_data_encryption_key_vault_key_id` on the database or server."
  references = [
    "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/mssql_database#transparent_data_encryption_enabled",
    "https://learn.microsoft.com/en-us/azure/azure-sql/database/transparent-data-encryption-tde-overview",
  ]

  assert {
    attribute "transparent_data_encryption_enabled" {
      equals  = true
      default = true
    }
  }

  example "bad" {
    code = <<-EOT
      resource "azurerm_mssql_database" "orders" {
        name                                = "orders"
        server_id                           = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-data/providers/Microsoft.Sql/servers/sql-orders"
        sku_name                            = "S1"
        transparent_data_encryption_enabled = false  # expect: azure-database-sql-tde-enabled
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "azurerm_mssql_database" "orders" {
        name      = "orders"
        server_id = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-data/providers/Microsoft.Sql/servers/sql-orders"
        sku_name  = "S1"
      }
    EOT
  }
}
