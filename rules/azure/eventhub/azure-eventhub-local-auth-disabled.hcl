rule "azure-eventhub-local-auth-disabled" {
  title     = "Event Hubs namespace allows shared access key (SAS) authentication"
  severity  = "medium"
  area      = "identity-access"
  resources = ["azurerm_eventhub_namespace"]

  description = <<-EOT
    Shared access policies give anyone holding the key the right to send, listen or manage on the
    namespace; the keys do not expire unless rotated and are not tied to an identity, so their use
    cannot be attributed. Connection strings with them end up in app settings, scripts and logs.
    Disabling local authentication leaves only Entra ID with data-plane roles. Data-plane
    credentials are the customer's side.

    `local_authentication_enabled` defaults to `true`. Severity is medium: a standing,
    unattributable credential rather than an exposure; Kafka clients using SAS and some
    integrations still need it, so suppress the rule there.
  EOT
  remediation = "Set `local_authentication_enabled = false` and grant producers and consumers the Azure Event Hubs Data Sender / Receiver roles through managed identities."
  references = [
    "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/eventhub_namespace#local_authentication_enabled",
    "https://learn.microsoft.com/en-us/azure/event-hubs/authenticate-shared-access-signature#disable-local-or-sas-key-authentication",
  ]

  assert {
    attribute "local_authentication_enabled" {
      equals  = false
      default = true
    }
  }

  example "bad" {
    code = <<-EOT
      resource "azurerm_eventhub_namespace" "telemetry" {  # expect: azure-eventhub-local-auth-disabled
        name                = "evhns-telemetry"
        location            = "westeurope"
        resource_group_name = "rg-data"
        sku                 = "Standard"
        minimum_tls_version = "1.2"
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "azurerm_eventhub_namespace" "telemetry" {
        name                         = "evhns-telemetry"
        location                     = "westeurope"
        resource_group_name          = "rg-data"
        sku                          = "Standard"
        minimum_tls_version          = "1.2"
        local_authentication_enabled = false
      }
    EOT
  }
}
