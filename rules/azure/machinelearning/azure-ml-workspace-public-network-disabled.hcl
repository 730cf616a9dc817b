rule "azure-ml-workspace-public-network-disabled" {
  title     = "Machine Learning workspace accepts connections from public networks"
  severity  = "medium"
  area      = "configuration-posture"
  resources = ["azurerm_machine_learning_workspace"]
  aliases   = ["CKV_AZURE_144"]

  description = <<-EOT
    A Machine Learning workspace open to public networks serves its studio, APIs, datastores and model registry over the internet; workspace credentials reach training data and compute. Private endpoints keep it off the internet; the customer configures them.

    `public_network_access_enabled` defaults to `true`, so an absent argument is reported.
  EOT
  remediation = "Set `public_network_access_enabled = false` and use a private endpoint (with a managed network for compute)."
  references = [
    "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/machine_learning_workspace#public_network_access_enabled",
    "https://learn.microsoft.com/en-us/azure/machine-learning/how-to-configure-private-link",
  ]

  assert {
    attribute "public_network_access_enabled" {
      equals  = false
      default = true
    }
  }

  example "bad" {
    code = <<-EOT
      resource "azurerm_machine_learning_workspace" "app" {
        name                    = "mlw-app"
        location                = "westeurope"
        resource_group_name     = "rg-app"
        application_insights_id = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-app/providers/Microsoft.Insights/components/appi-app"
        key_vault_id            = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-app/providers/Microsoft.KeyVault/vaults/kv-app"
        storage_account_id      = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-app/providers/Microsoft.Storage/storageAccounts/stapp"
        identity {
          type = "SystemAssigned"
        }
        public_network_access_enabled = true  # expect: azure-ml-workspace-public-network-disabled
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "azurerm_machine_learning_workspace" "app" {  # expect: azure-ml-workspace-public-network-disabled
        name                    = "mlw-app"
        location                = "westeurope"
        resource_group_name     = "rg-app"
        application_insights_id = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-app/providers/Microsoft.Insights/components/appi-app"
        key_vault_id            = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-app/providers/Microsoft.KeyVault/vaults/kv-app"
        storage_account_id      = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-app/providers/Microsoft.Storage/storageAccounts/stapp"
        identity {
          type = "SystemAssigned"
        }
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "azurerm_machine_learning_workspace" "app" {
        name                    = "mlw-app"
        location                = "westeurope"
        resource_group_name     = "rg-app"
        application_insights_id = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-app/providers/Microsoft.Insights/components/appi-app"
        key_vault_id            = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-app/providers/Microsoft.KeyVault/vaults/kv-app"
        storage_account_id      = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-app/providers/Microsoft.Storage/storageAccounts/stapp"
        identity {
          type = "SystemAssigned"
        }
        public_network_access_enabled = false
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      variable "setting" {
        type = bool
      }

      resource "azurerm_machine_learning_workspace" "app" {
        name                    = "mlw-app"
        location                = "westeurope"
        resource_group_name     = "rg-app"
        application_insights_id = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-app/providers/Microsoft.Insights/components/appi-app"
        key_vault_id            = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-app/providers/Microsoft.KeyVault/vaults/kv-app"
        storage_account_id      = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-app/providers/Microsoft.Storage/storageAccounts/stapp"
        identity {
          type = "SystemAssigned"
        }
        public_network_access_enabled = var.setting
      }
    EOT
  }
}
