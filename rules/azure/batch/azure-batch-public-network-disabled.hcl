rule "azure-batch-public-network-disabled" {
  title     = "Batch account accepts connections from public networks"
  severity  = "medium"
  area      = "configuration-posture"
  resources = ["azurerm_batch_account"]
  aliases   = []

  description = <<-EOT
    A Batch account open to public networks accepts job and pool management calls from anywhere that hold the account key or a token; whoever controls the account runs code on its pools. Private endpoints restrict the account endpoint; the customer configures them.

    `public_network_access_enabled` defaults to `true`, so an absent argument is reported.
  EOT
  remediation = "Set `public_network_access_enabled = false` and manage the account through a private endpoint."
  references = [
    "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/batch_account#public_network_access_enabled",
    "https://learn.microsoft.com/en-us/azure/batch/private-connectivity",
  ]

  assert {
    attribute "public_network_access_enabled" {
      equals  = false
      default = true
    }
  }

  example "bad" {
    code = <<-EOT
      resource "azurerm_batch_account" "app" {
        name                = "batchapp"
        location            = "westeurope"
        resource_group_name = "rg-app"
        public_network_access_enabled = true  # expect: azure-batch-public-network-disabled
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "azurerm_batch_account" "app" {  # expect: azure-batch-public-network-disabled
        name                = "batchapp"
        location            = "westeurope"
        resource_group_name = "rg-app"
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "azurerm_batch_account" "app" {
        name                = "batchapp"
        location            = "westeurope"
        resource_group_name = "rg-app"
        public_network_access_enabled = false
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      variable "setting" {
        type = bool
      }

      resource "azurerm_batch_account" "app" {
        name                = "batchapp"
        location            = "westeurope"
        resource_group_name = "rg-app"
        public_network_access_enabled = var.setting
      }
    EOT
  }
}
