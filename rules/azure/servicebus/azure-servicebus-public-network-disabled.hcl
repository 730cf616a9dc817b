rule "azure-servicebus-public-network-disabled" {
  title     = "Service Bus namespace accepts connections from public networks"
  severity  = "medium"
  area      = "configuration-posture"
  resources = ["azurerm_servicebus_namespace"]
  aliases   = ["CKV_AZURE_204"]

  description = <<-EOT
    A Service Bus namespace open to public networks accepts senders and receivers from anywhere that hold a SAS key or token; queues carry business messages and commands that downstream systems act on. Private endpoints (Premium tier) restrict who can connect; the customer configures them.

    `public_network_access_enabled` defaults to `true`, so an absent argument is reported.
  EOT
  remediation = "Set `public_network_access_enabled = false` (Premium tier) and connect through private endpoints."
  references = [
    "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/servicebus_namespace#public_network_access_enabled",
    "https://learn.microsoft.com/en-us/azure/service-bus-messaging/private-link-service",
  ]

  assert {
    attribute "public_network_access_enabled" {
      equals  = false
      default = true
    }
  }

  example "bad" {
    code = <<-EOT
      resource "azurerm_servicebus_namespace" "app" {
        name                = "sbns-app"
        location            = "westeurope"
        resource_group_name = "rg-app"
        sku                 = "Premium"
        capacity            = 1
        premium_messaging_partitions = 1
        public_network_access_enabled = true  # expect: azure-servicebus-public-network-disabled
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "azurerm_servicebus_namespace" "app" {  # expect: azure-servicebus-public-network-disabled
        name                = "sbns-app"
        location            = "westeurope"
        resource_group_name = "rg-app"
        sku                 = "Premium"
        capacity            = 1
        premium_messaging_partitions = 1
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "azurerm_servicebus_namespace" "app" {
        name                = "sbns-app"
        location            = "westeurope"
        resource_group_name = "rg-app"
        sku                 = "Premium"
        capacity            = 1
        premium_messaging_partitions = 1
        public_network_access_enabled = false
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      variable "setting" {
        type = bool
      }

      resource "azurerm_servicebus_namespace" "app" {
        name                = "sbns-app"
        location            = "westeurope"
        resource_group_name = "rg-app"
        sku                 = "Premium"
        capacity            = 1
        premium_messaging_partitions = 1
        public_network_access_enabled = var.setting
      }
    EOT
  }
}
