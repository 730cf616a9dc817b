rule "azure-synapse-sql-pool-encryption" {
  title     = "Synapse dedicated SQL pool has transparent data encryption off"
  severity  = "medium"
  area      = "data-protection"
  resources = ["azurerm_synapse_sql_pool"]
  aliases   = ["CKV_AZURE_241"]

  description = <<-EOT
    Transparent data encryption encrypts a dedicated SQL pool's data files, backups and logs at
    rest. Unlike Azure SQL Database, a Synapse dedicated SQL pool does not turn it on by itself:
    the pool's warehouse data, often the organisation's whole analytical copy of its records, and
    every restore point of it are stored unencrypted unless the customer enables it. Encrypting
    the customer's data at rest is the customer's choice here.

    The azurerm provider enables TDE only when `data_encrypted = true`; left out or `false`, the
    pool is created without it, so both are reported. Severity is medium: the storage layer is
    still protected by Azure's physical and access controls.
  EOT
  remediation = "Set `data_encrypted = true` on the `azurerm_synapse_sql_pool` (TDE can be turned on for an existing pool; it encrypts the data in the background)."
  references = [
    "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/synapse_sql_pool#data_encrypted",
    "https://learn.microsoft.com/en-us/azure/synapse-analytics/security/workspaces-encryption",
  ]

  assert {
    attribute "data_encrypted" {
      equals  = true
      default = false
    }
  }

  example "bad" {
    code = <<-EOT
      resource "azurerm_synapse_sql_pool" "dw" {  # expect: azure-synapse-sql-pool-encryption
        name                 = "dwpool"
        synapse_workspace_id = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-analytics/providers/Microsoft.Synapse/workspaces/syn-analytics"
        sku_name             = "DW100c"
        create_mode          = "Default"
        storage_account_type = "GRS"
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "azurerm_synapse_sql_pool" "dw" {
        name                 = "dwpool"
        synapse_workspace_id = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-analytics/providers/Microsoft.Synapse/workspaces/syn-analytics"
        sku_name             = "DW100c"
        create_mode          = "Default"
        storage_account_type = "GRS"
        data_encrypted       = false  # expect: azure-synapse-sql-pool-encryption
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "azurerm_synapse_sql_pool" "dw" {
        name                 = "dwpool"
        synapse_workspace_id = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-analytics/providers/Microsoft.Synapse/workspaces/syn-analytics"
        sku_name             = "DW100c"
        create_mode          = "Default"
        storage_account_type = "GRS"
        data_encrypted       = true
      }
    EOT
  }
}
