rule "azure-database-geo-redundant-backup" {
  title     = "PostgreSQL or MySQL flexible server backups are not geo-redundant"
  severity  = "low"
  area      = "data-protection"
  resources = ["azurerm_postgresql_flexible_server", "azurerm_mysql_flexible_server"]
  aliases   = ["CKV_AZURE_136", "CKV_AZURE_94"]

  description = <<-EOT
    Flexible server backups are kept in the server's region unless geo-redundant backup is on. A
    regional outage or disaster then leaves no backup to restore from elsewhere. Azure takes the
    backups; where they are kept is the customer's choice, and it can only be set when the server
    is created.

    `geo_redundant_backup_enabled` defaults to `false`. Severity is low: availability and recovery,
    not confidentiality.
  EOT
  remediation = "Set `geo_redundant_backup_enabled = true` when creating the server (it cannot be changed afterwards)."
  references = [
    "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/postgresql_flexible_server#geo_redundant_backup_enabled",
    "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/mysql_flexible_server#geo_redundant_backup_enabled",
    "https://learn.microsoft.com/en-us/azure/postgresql/flexible-server/concepts-backup-restore",
  ]

  assert {
    attribute "geo_redundant_backup_enabled" {
      equals  = true
      default = false
    }
  }

  example "bad" {
    code = <<-EOT
      resource "azurerm_postgresql_flexible_server" "orders" {  # expect: azure-database-geo-redundant-backup
        name                          = "psql-orders"
        resource_group_name           = "rg-data"
        location                      = "westeurope"
        version                       = "16"
        sku_name                      = "GP_Standard_D2s_v3"
        storage_mb                    = 65536
        public_network_access_enabled = false
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "azurerm_mysql_flexible_server" "shop" {
        name                         = "mysql-shop"
        resource_group_name          = "rg-data"
        location                     = "westeurope"
        sku_name                     = "GP_Standard_D2ds_v4"
        geo_redundant_backup_enabled = false  # expect: azure-database-geo-redundant-backup
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "azurerm_postgresql_flexible_server" "orders" {
        name                          = "psql-orders"
        resource_group_name           = "rg-data"
        location                      = "westeurope"
        version                       = "16"
        sku_name                      = "GP_Standard_D2s_v3"
        storage_mb                    = 65536
        public_network_access_enabled = false
        geo_redundant_backup_enabled  = true
      }
    EOT
  }
}
