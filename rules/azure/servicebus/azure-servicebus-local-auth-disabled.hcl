rule "azure-servicebus-local-auth-disabled" {
  title     = "Service Bus namespace allows shared access key (SAS) authentication"
  severity  = "medium"
  area      = "identity-access"
  resources = ["azurerm_servicebus_namespace"]
  aliases   = ["CKV_AZURE_203"]

  description = <<-EOT
    Shared access policies give anyone holding the key the right to send, receive or manage queues
    and topics; the keys do not expire unless rotated and are not tied to an identity, so their use
    cannot be attributed, and connection strings with them spread into configuration and logs.
    Disabling local authentication leaves only Entra ID with data-plane roles. Data-plane
    credentials are the customer's side.

    `local_auth_enabled` defaults to `true`. Severity is medium: a standing, unattributable
    credential rather than an exposure.
  EOT
  remediation = "Set `local_auth_enabled = false` and grant applications the Azure Service Bus Data Sender / Receiver roles through managed identities."
  references = [
    "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/servicebus_namespace#local_auth_enabled",
    "https://learn.microsoft.com/en-us/azure/service-bus-messaging/disable-local-authentication",
  ]

  assert {
    attribute "local_auth_enabled" {
      equals  = false
      default = true
    }
  }

  example "bad" {
    code = <<-EOT
      resource "azurerm_servicebus_namespace" "orders" {
        name                = "sbns-orders"
        location            = "westeurope"
        resource_group_name = "rg-app"
        sku                 = "Standard"
        local_auth_enabled  = true  # expect: azure-servicebus-local-auth-disabled
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "azurerm_servicebus_namespace" "orders" {  # expect: azure-servicebus-local-auth-disabled
        name                = "sbns-orders"
        location            = "westeurope"
        resource_group_name = "rg-app"
        sku                 = "Standard"
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "azurerm_servicebus_namespace" "orders" {
        name                = "sbns-orders"
        location            = "westeurope"
        resource_group_name = "rg-app"
        sku                 = "Standard"
        local_auth_enabled  = false
      }
    EOT
  }
}
