rule "azure-datafactory-no-public-network" {
  title     = "Data Factory is reachable from public networks"
  severity  = "medium"
  area      = "configuration-posture"
  resources = ["azurerm_data_factory"]
  aliases   = ["CKV_AZURE_104", "AVD-AZU-0035", "azure-datafactory-no-public-access"]

  description = <<-EOT
    A data factory holds linked services: the connection details, and often the credentials, of the
    databases, storage accounts and SaaS systems it copies data between. With public network access
    on, its authoring and integration runtime endpoints accept connections from anywhere, leaving
    only authentication between the internet and those pipelines. Private endpoints keep the
    factory inside the customer's network, which is the customer's choice to make.

    `public_network_enabled` defaults to `true`, so a factory without the argument is reported.
    Severity is medium: access still requires Entra ID authentication.
  EOT
  remediation = "Set `public_network_enabled = false` and reach the factory through a private endpoint (`azurerm_private_endpoint` with subresource `dataFactory`)."
  references = [
    "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/data_factory#public_network_enabled",
    "https://learn.microsoft.com/en-us/azure/data-factory/data-factory-private-link",
  ]

  assert {
    attribute "public_network_enabled" {
      equals  = false
      default = true
    }
  }

  example "bad" {
    code = <<-EOT
      resource "azurerm_data_factory" "etl" {  # expect: azure-datafactory-no-public-network
        name                = "adf-etl"
        location            = "westeurope"
        resource_group_name = "rg-data"
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "azurerm_data_factory" "etl" {
        name                   = "adf-etl"
        location               = "westeurope"
        resource_group_name    = "rg-data"
        public_network_enabled = true  # expect: azure-datafactory-no-public-network
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "azurerm_data_factory" "etl" {
        name                   = "adf-etl"
        location               = "westeurope"
        resource_group_name    = "rg-data"
        public_network_enabled = false
      }
    EOT
  }
}
