rule "azure-eventhub-min-tls-version" {
  title     = "Event Hubs namespace accepts TLS versions older than 1.2"
  severity  = "medium"
  area      = "data-protection"
  resources = ["azurerm_eventhub_namespace"]
  aliases   = ["CKV_AZURE_223"]

  description = <<-EOT
    TLS 1.0 and 1.1 have known weaknesses and are being retired across Azure; a namespace that accepts them lets clients send events and SAS tokens over broken protocols. The TLS floor is a customer setting.

    `minimum_tls_version` defaults to `"1.2"`, so only an explicit `"1.0"` or `"1.1"` is reported.
  EOT
  remediation = "Set `minimum_tls_version = \"1.2\"` (or remove the argument)."
  references = [
    "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/eventhub_namespace#minimum_tls_version",
    "https://learn.microsoft.com/en-us/azure/event-hubs/transport-layer-security-enforce-minimum-version",
  ]

  assert {
    attribute "minimum_tls_version" {
      not_one_of = ["1.0", "1.1"]
      default = "1.2"
    }
  }

  example "bad" {
    code = <<-EOT
      resource "azurerm_eventhub_namespace" "app" {
        name                = "evhns-app"
        location            = "westeurope"
        resource_group_name = "rg-app"
        sku                 = "Standard"
        minimum_tls_version = "1.0"  # expect: azure-eventhub-min-tls-version
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "azurerm_eventhub_namespace" "app" {
        name                = "evhns-app"
        location            = "westeurope"
        resource_group_name = "rg-app"
        sku                 = "Standard"
        minimum_tls_version = "1.2"
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      variable "setting" {
        type = string
      }

      resource "azurerm_eventhub_namespace" "app" {
        name                = "evhns-app"
        location            = "westeurope"
        resource_group_name = "rg-app"
        sku                 = "Standard"
        minimum_tls_version = var.setting
      }
    EOT
  }
}
